/**
 * What `createUpgradeHandler` is given: the app's backend and session, and the policy (origins,
 * allowed fields, store, time limits) that is the handler's to enforce.
 */
import type { UpgradeBackend } from "./backend.js";
import type { BeforeProvision } from "./beforeProvision.js";
import type { Identify } from "./identify.js";
import type { ProvisionField } from "./provisionFields.js";
import type { UpgradeStore } from "./upgradeStore.js";

export interface UpgradeHandlerOptions {
  backend: UpgradeBackend;
  identify: Identify;
  /** Path prefix the contract is served under. Default "/api/upgrade". */
  basePath?: string;
  /**
   * The app's public origin as browsers see it, e.g. `"https://app.example.com"` (or several, the
   * first one canonical). The dev checkout's links are built on the first; return URLs may point to
   * any of them (unless `allowedReturnOrigins` says otherwise), and pages on them may POST here.
   *
   * Required in production: the request's own URL is built from its `Host` header (or an
   * absolute request line), which the caller chooses, so trusting it would make checkout links and
   * return URLs an open redirect. Without this option `createUpgradeHandler` throws, unless
   * `NODE_ENV` is "development" or "test": there it uses each request's origin (warning once in
   * development).
   */
  publicOrigin?: string | readonly string[];
  /**
   * Origins that `checkoutOptions.successUrl`/`cancelUrl` may point to, e.g. `["https://app.example.com"]`.
   * Default: `publicOrigin`.
   */
  allowedReturnOrigins?: readonly string[];
  /**
   * Origins (besides `publicOrigin` and `allowedReturnOrigins`) whose pages may POST here, as sent in
   * the `Origin` header. Needed for a front end on another origin.
   */
  allowedOrigins?: readonly string[];
  /**
   * Provision fields the client may set (`customerId` is always accepted and checked against the
   * identity). Default `DEFAULT_ALLOWED_PROVISION_FIELDS`; anything else is a 400 FIELD_NOT_ALLOWED.
   */
  allowedProvisionFields?: readonly ProvisionField[];
  beforeProvision?: BeforeProvision;
  /** Told about unexpected failures (they answer a generic 500); not about BackendErrors. */
  onError?: (error: unknown, request: Request) => void;
  /**
   * Where idempotency records and customer locks live. Default `createMemoryStore()`, which guards
   * one process only; when the app runs as several, give them one shared store (`createRedisStore`).
   */
  store?: UpgradeStore;
  /**
   * How long the handler keeps a customer's catalog (`backend.getPlans({ customerId })`), which
   * every provision is checked against before anything is claimed, in milliseconds. Default 60 000;
   * a customer's own provision drops theirs at once. 0 asks the backend on every provision.
   */
  catalogTtlMs?: number;
  /**
   * The longest a provision may hold its customer's lock, in milliseconds. Default 30 000. Make it
   * longer than your slowest legitimate provision: after it, the customer's next request runs even
   * if the hung one is still waiting for the billing API. A request also waits this long at most
   * for the lock (then 409 CUSTOMER_BUSY), and twice this long for a request with its
   * `Idempotency-Key` to answer (then 409 IDEMPOTENCY_KEY_IN_USE).
   */
  lockTtlMs?: number;
  /**
   * How browsers may keep `GET /plans`. Every plans answer carries an `ETag` (a hash of its bytes,
   * so it differs whenever the catalog, the `productId` or the customer's paywall does) and a
   * request whose `If-None-Match` names it is answered 304 without a body.
   * - `"no-store"` (default): `Cache-Control: no-store`, like every other answer; only a client
   *   that keeps the ETag itself revalidates.
   * - `"revalidate"`: `Cache-Control: private, no-cache`: the browser keeps the answer (never a
   *   shared cache) and asks on every use, getting a 304 while the catalog is unchanged.
   */
  plansCaching?: "no-store" | "revalidate";
}
