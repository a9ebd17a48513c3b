/**
 * The HTTP side of the endpoint contract as one Fetch API function: `(Request) => Promise<Response>`.
 * It runs unchanged in Node 20 (through `toNodeListener`), msw, Vite middleware, edge runtimes and
 * service workers. It owns everything that is about HTTP and trust (routing, identity, origin and
 * body checks, the allowlist of client-settable fields, return-URL policy, idempotency, per-customer
 * serialization); billing rules live in the `UpgradeBackend` it is given, and what must be shared
 * between instances (idempotency records, customer locks) in the `UpgradeStore`.
 */
import { IDEMPOTENCY_KEY_HEADER, ROUTES, type Plan, type ProvisionSubscriptionParams } from "../core/contract.js";
import { parseWith, provisionParamsSchema } from "../core/schemas.js";
import { BackendError, isBackendError, type PlansQuery, type UpgradeBackend } from "./backend.js";
import { checkOrder } from "./checkOrder.js";
import { canonicalJson } from "../core/canonicalJson.js";
import { renderCheckoutDonePage, renderCheckoutErrorPage, renderCheckoutPage } from "./checkoutPages.js";
import {
  errorBody,
  errorResponse,
  htmlResponse,
  jsonResponse,
  jsonTextResponse,
  seeOtherResponse,
} from "./httpResponses.js";
import { createMemoryStore } from "./createMemoryStore.js";
import { isAllowedRequestOrigin } from "./isAllowedRequestOrigin.js";
import { isAllowedReturnUrl } from "./isAllowedReturnUrl.js";
import {
  DEFAULT_ALLOWED_PROVISION_FIELDS,
  disallowedProvisionFields,
  toAllowedFieldSet,
  type ProvisionField,
} from "./provisionFields.js";
import { pollUntil } from "./pollUntil.js";
import { readJsonBody } from "./readJsonBody.js";
import { guardStore, isStoreUnavailableError } from "./storeUnavailable.js";
import type { IdempotencyClaim, UpgradeStore } from "./upgradeStore.js";
import { withLock } from "./withLock.js";

export interface Identity {
  customerId: string;
}

/** Who is calling, from the app's own session (cookie, JWT...). `null` means not signed in. */
export type Identify = (request: Request) => Identity | null | Promise<Identity | null>;

export interface BeforeProvisionContext {
  /** The signed-in customer; `params.customerId` is always this one. */
  customerId: string;
  request: Request;
}

/**
 * Turns what the client asked for into what is provisioned: set server-side values here
 * (`billingInformation` from the customer's tax profile, `metadata`, checkout options), or throw a
 * `BackendError` to refuse. It gets its own copy of the params. Runs only when the backend is
 * about to be called, so not for an answer replayed by `Idempotency-Key`.
 */
export type BeforeProvision = (
  params: ProvisionSubscriptionParams,
  context: BeforeProvisionContext,
) => ProvisionSubscriptionParams | Promise<ProvisionSubscriptionParams>;

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
}

export interface UpgradeHandler {
  (request: Request): Promise<Response>;
  /** The normalized base path ("/api/upgrade"; "" when mounted at the root). */
  readonly basePath: string;
  /** Whether a URL path is under `basePath`, so adapters can pass other requests on without reading them. */
  handles(pathname: string): boolean;
}

export const DEFAULT_BASE_PATH = "/api/upgrade";
/** Provision bodies are a few hundred bytes; the cap stops memory abuse through huge bodies. */
export const MAX_BODY_BYTES = 16 * 1024;
/** The dev checkout lives at `{basePath}/checkout/{sessionId}` (plus `/pay`, `/cancel`, `/done`). */
export const CHECKOUT_PATH = "/checkout";
/** Set on answers replayed from the idempotency store (the name Stripe uses). */
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
export const DEFAULT_LOCK_TTL_MS = 30_000;
export const DEFAULT_CATALOG_TTL_MS = 60_000;
/** Catalogs kept at once (one per recently buying customer); the oldest goes first. */
const MAX_CACHED_CATALOGS = 1000;
/** Seconds a 503 asks the client to wait: long enough for a store that was briefly away to be back. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_S = 2;

const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";
const STORE_UNAVAILABLE_MESSAGE = "Purchases are unavailable for a moment. Nothing was bought; please try again.";

interface Route {
  allow: readonly string[];
  /** Checkout routes answer browsers, so their errors are pages when the browser asks for HTML. */
  isPage: boolean;
  run(): Promise<Response>;
}

interface ProvisionAnswer {
  status: number;
  body: string;
  replayed: boolean;
  headers?: Record<string, string>;
}

/** A provision's answer; `busy` when it never ran because the customer's lock stayed taken. */
interface LockedProvision {
  status: number;
  body: string;
  busy: boolean;
}

function errorAnswer(status: number, code: string, message: string): ProvisionAnswer {
  return { status, body: JSON.stringify(errorBody(code, message)), replayed: false };
}

export function createUpgradeHandler(options: UpgradeHandlerOptions): UpgradeHandler {
  const { backend, identify, onError, beforeProvision } = options;
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const publicOrigins = resolvePublicOrigins(options.publicOrigin);
  /** This handler's own origins: the configured ones, or (in development only) the request's. */
  const ownOrigins = (url: URL): readonly string[] => publicOrigins ?? [url.origin];
  const configuredOrigins =
    options.allowedReturnOrigins === undefined
      ? undefined
      : new Set(options.allowedReturnOrigins.map((origin) => toOrigin(origin, "allowedReturnOrigins")));
  const extraPostOrigins = [
    ...(configuredOrigins ?? []),
    ...(options.allowedOrigins ?? []).map((origin) => toOrigin(origin, "allowedOrigins")),
  ];
  const allowedFields = toAllowedFieldSet(options.allowedProvisionFields ?? DEFAULT_ALLOWED_PROVISION_FIELDS);
  const store = guardStore(options.store ?? createMemoryStore());
  const lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const catalogTtlMs = options.catalogTtlMs ?? DEFAULT_CATALOG_TTL_MS;
  if (!(catalogTtlMs >= 0)) throw new RangeError(`createUpgradeHandler: catalogTtlMs must be 0 or more, got ${catalogTtlMs}`);
  const catalog = new Map<string, { plans: Promise<Plan[]>; expiresAt: number }>();
  if (!(lockTtlMs > 0)) throw new RangeError(`createUpgradeHandler: lockTtlMs must be positive, got ${lockTtlMs}`);
  // A claimed key's owner may first wait for its customer's lock (up to lockTtlMs), then hold it
  // (up to lockTtlMs): the claim must outlive both, or a waiting retry would provision a second time.
  const claimTtlMs = 2 * lockTtlMs;

  function handles(pathname: string): boolean {
    return pathname === basePath || pathname.startsWith(`${basePath}/`);
  }

  async function identityOf(request: Request): Promise<Identity | null> {
    const identity = await identify(request);
    // An empty id is a bug in `identify`, and treating it as "signed in" would pool anonymous users.
    if (!identity || typeof identity.customerId !== "string" || identity.customerId === "") return null;
    return identity;
  }

  const unauthenticated = () => errorResponse(401, "UNAUTHENTICATED", "Sign in to continue.");
  const forbiddenCustomer = () =>
    errorResponse(403, "FORBIDDEN_CUSTOMER", "You can only act for the customer you are signed in as.");

  async function getPlans(request: Request, url: URL): Promise<Response> {
    const query: PlansQuery = {};
    const productId = url.searchParams.get("productId");
    if (productId) query.productId = productId;
    // Plans are public; a signed-in request also says whose paywall it is. A failing `identify`
    // (an expired session that throws) is reported and the public plans are answered, as before
    // plans asked who was signed in.
    try {
      const identity = await identityOf(request);
      if (identity) query.customerId = identity.customerId;
    } catch (error) {
      onError?.(error, request);
    }
    const plans = await backend.getPlans(query);
    return jsonResponse(200, { plans });
  }

  async function getCustomer(request: Request, url: URL): Promise<Response> {
    const identity = await identityOf(request);
    if (!identity) return unauthenticated();
    const customerId = url.searchParams.get("customerId") || identity.customerId;
    if (customerId !== identity.customerId) return forbiddenCustomer();
    const customer = await backend.getCustomer(customerId);
    if (!customer) return errorResponse(404, "CUSTOMER_NOT_FOUND", "This customer does not exist.");
    return jsonResponse(200, { customer });
  }

  async function provisionSubscription(request: Request, url: URL): Promise<Response> {
    const identity = await identityOf(request);
    if (!identity) return unauthenticated();

    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) return errorResponse(body.status, body.code, body.message);
    if (body.value === null || typeof body.value !== "object" || Array.isArray(body.value)) {
      return errorResponse(400, "INVALID_REQUEST", "Request body must be a JSON object.");
    }
    const input: Record<string, unknown> = { ...body.value };
    const refused = disallowedProvisionFields(input, allowedFields);
    if (refused.length > 0) {
      return errorResponse(400, "FIELD_NOT_ALLOWED", `These fields cannot be set by the client: ${refused.join(", ")}.`);
    }
    // The client may leave the customer to the session; it is then the signed-in one.
    input.customerId ??= identity.customerId;
    const parsed = parseWith(provisionParamsSchema, input);
    if (!parsed.ok) {
      const issues = parsed.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
      return errorResponse(400, "INVALID_REQUEST", `Invalid request: ${issues.join("; ")}`);
    }
    const params = parsed.value;
    if (params.customerId !== identity.customerId) return forbiddenCustomer();

    const allowedOrigins = configuredOrigins ?? new Set(ownOrigins(url));
    const returnUrls = params.checkoutOptions ? [params.checkoutOptions.successUrl, params.checkoutOptions.cancelUrl] : [];
    if (returnUrls.some((returnUrl) => !isAllowedReturnUrl(returnUrl, allowedOrigins))) {
      return errorResponse(
        400,
        "RETURN_URL_REJECTED",
        "checkoutOptions.successUrl and cancelUrl must be absolute URLs on an allowed origin.",
      );
    }

    // Every write carries its key: without one, a retry after a lost answer (or a double submit)
    // cannot be told from a new purchase. The library's client always sends one.
    const idempotencyKey = request.headers.get(IDEMPOTENCY_KEY_HEADER);
    if (idempotencyKey === null) {
      return errorResponse(
        400,
        "IDEMPOTENCY_KEY_REQUIRED",
        `Send an ${IDEMPOTENCY_KEY_HEADER} header (a fresh random value per purchase, the same one on its retries).`,
      );
    }
    if (idempotencyKey === "" || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return errorResponse(
        400,
        "INVALID_IDEMPOTENCY_KEY",
        `${IDEMPOTENCY_KEY_HEADER} must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
      );
    }

    await checkAgainstCatalog(params);
    const answer = await answerIdempotently(params, idempotencyKey, request, url);
    // What this customer may buy may have changed (a trial used, a plan now current).
    catalog.delete(params.customerId);
    const headers = { ...answer.headers, ...(answer.replayed ? { [IDEMPOTENT_REPLAYED_HEADER]: "true" } : {}) };
    return jsonTextResponse(answer.status, answer.body, headers);
  }

  /**
   * Refuses, with the backend's own 4xx codes, what the customer's paywall does not sell: a plan
   * it does not list (hidden, another account's, made up), an add-on the plan does not offer, a
   * period or quantity out of its prices. The billing API behind a backend would accept any plan of
   * the account, so this is the handler's job, for every backend.
   */
  async function checkAgainstCatalog(params: ProvisionSubscriptionParams): Promise<void> {
    const plans = await catalogOf(params.customerId);
    const plan = plans.find((candidate) => candidate.id === params.planId);
    if (!plan) throw new BackendError("PLAN_NOT_FOUND", 404, `There is no plan "${params.planId}".`);
    checkOrder(plan, params);
  }

  /** The customer's plans, shared by concurrent provisions and kept for `catalogTtlMs`. */
  function catalogOf(customerId: string): Promise<Plan[]> {
    const now = Date.now();
    const cached = catalog.get(customerId);
    if (cached && cached.expiresAt > now) return cached.plans;
    const plans = backend.getPlans({ customerId });
    if (catalogTtlMs > 0) {
      catalog.delete(customerId);
      catalog.set(customerId, { plans, expiresAt: now + catalogTtlMs });
      // Insertion order is expiry order: the first entry is the oldest.
      if (catalog.size > MAX_CACHED_CATALOGS) catalog.delete(catalog.keys().next().value as string);
      // A failed read is not kept: the next provision asks again.
      plans.catch(() => {
        if (catalog.get(customerId)?.plans === plans) catalog.delete(customerId);
      });
    }
    return plans;
  }

  /**
   * One provision per `Idempotency-Key`, across every instance sharing the store: the first request
   * claims the key and provisions; a repeat waits for its answer and replays it; a different body
   * under the key is refused, even while the first one still runs.
   */
  async function answerIdempotently(
    params: ProvisionSubscriptionParams,
    idempotencyKey: string,
    request: Request,
    url: URL,
  ): Promise<ProvisionAnswer> {
    // Keys are per customer: one customer's key can neither collide with nor reveal another's answer.
    const storeKey = JSON.stringify([params.customerId, idempotencyKey]);
    // The client's request, not what beforeProvision makes of it: the hook may add values that
    // differ on every call (a timestamp), and a retry must still match its original.
    const claim: IdempotencyClaim = {
      owner: crypto.randomUUID(),
      fingerprint: canonicalJson(params),
      ttlMs: claimTtlMs,
      customerId: params.customerId,
    };
    // Until the key is ours or answered, or held for another body. A crashed owner's claim expires
    // within claimTtlMs, so waiting that long sees it either answered or free.
    const outcome = await pollUntil(async () => {
      const found = await store.claimIdempotencyKey(storeKey, claim);
      return found.state === "pending" && found.fingerprint === claim.fingerprint ? undefined : found;
    }, claimTtlMs);

    if (outcome === undefined) {
      // Shown to the user by the Paywall, so it names no header (the code says what happened).
      const message = "This purchase is still being processed. Try again in a moment.";
      return errorAnswer(409, "IDEMPOTENCY_KEY_IN_USE", message);
    }
    if (outcome.state === "limited") {
      // This customer (or everyone, when the store is full) has as many records as the store keeps;
      // refusing the new one is what keeps every existing record, and so every retry, safe.
      const message = "Too many purchase attempts. Please wait a moment and try again.";
      const retryAfter = String(Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)));
      return { ...errorAnswer(429, "TOO_MANY_REQUESTS", message), headers: { "Retry-After": retryAfter } };
    }
    if (outcome.state === "answered" && outcome.answer.fingerprint === claim.fingerprint) {
      return { status: outcome.answer.status, body: outcome.answer.body, replayed: true };
    }
    if (outcome.state !== "claimed") {
      // Answered or still pending, for another body.
      const message = `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request.`;
      return errorAnswer(422, "IDEMPOTENCY_KEY_REUSED", message);
    }

    let fresh: LockedProvision;
    try {
      fresh = await provisionLocked(params, request, url);
    } catch (error) {
      // Not kept, so a retry runs again. Releasing may fail in the same outage; the claim then
      // expires by itself, and the error that matters is the one rethrown.
      await store.releaseIdempotencyKey(storeKey, claim).catch(() => {});
      throw error;
    }
    if (fresh.busy) {
      await store.releaseIdempotencyKey(storeKey, claim).catch(() => {});
    } else {
      // The purchase happened: the client gets its answer even if keeping it fails, and onError
      // hears of it, since a retry after this claim expires would provision again.
      await store
        .completeIdempotencyKey(storeKey, claim, { fingerprint: claim.fingerprint, status: fresh.status, body: fresh.body })
        .catch((error: unknown) => report(error, request));
    }
    return { status: fresh.status, body: fresh.body, replayed: false };
  }

  /**
   * Provisions under the customer's lock, so two tabs (or two keys, or none) cannot both see "no
   * subscription yet" and both buy. `busy` when the lock stayed taken for a whole lease.
   */
  async function provisionLocked(
    params: ProvisionSubscriptionParams,
    request: Request,
    url: URL,
  ): Promise<LockedProvision> {
    const locked = await withLock(store, params.customerId, () => runProvision(params, request, url), {
      ttlMs: lockTtlMs,
      waitMs: lockTtlMs,
      onReleaseError: (error) => report(error, request),
    });
    if (locked.ran) return { ...locked.value, busy: false };
    const message = "Another purchase for this customer is still in progress. Try again in a moment.";
    return { ...errorAnswer(409, "CUSTOMER_BUSY", message), busy: true };
  }

  /**
   * Calls the backend once and turns its answer, or its BackendError, into the response to keep.
   * Other errors propagate: they are not stored, so a retry with the same key runs again.
   */
  async function runProvision(
    params: ProvisionSubscriptionParams,
    request: Request,
    url: URL,
  ): Promise<{ status: number; body: string }> {
    try {
      const checkoutBaseUrl = `${ownOrigins(url)[0]}${basePath}${CHECKOUT_PATH}`;
      const prepared = beforeProvision ? await prepare(beforeProvision, params, request) : params;
      const result = await backend.provisionSubscription(prepared, { checkoutBaseUrl, request });
      return { status: 200, body: JSON.stringify(result) };
    } catch (error) {
      if (!isBackendError(error)) throw error;
      return { status: error.status, body: JSON.stringify(errorBody(error.code, error.message)) };
    }
  }

  /**
   * Runs the app's hook and checks what it returns: it is trusted code, but a hook that returns a
   * malformed body or another customer is a bug that must not reach the billing API. Such a bug
   * throws, which answers a 500 and reaches `onError`.
   */
  async function prepare(
    hook: BeforeProvision,
    params: ProvisionSubscriptionParams,
    request: Request,
  ): Promise<ProvisionSubscriptionParams> {
    const customerId = params.customerId;
    const parsed = parseWith(provisionParamsSchema, await hook(structuredClone(params), { customerId, request }));
    if (!parsed.ok) {
      const issues = parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
      throw new TypeError(`beforeProvision returned invalid params (${issues})`);
    }
    if (parsed.value.customerId !== customerId) {
      throw new TypeError("beforeProvision must not change params.customerId");
    }
    return parsed.value;
  }

  function checkoutRoute(request: Request, path: string): Route | null {
    const checkout = backend.checkout;
    if (!checkout) return null;
    const match = /^\/checkout\/([^/]+)(?:\/(pay|cancel|done))?$/.exec(path);
    if (!match?.[1]) return null;
    let sessionId: string;
    try {
      sessionId = decodeURIComponent(match[1]);
    } catch {
      return null;
    }
    const pagePath = `${basePath}${CHECKOUT_PATH}/${encodeURIComponent(sessionId)}`;
    const action = match[2];

    if (action === "pay" || action === "cancel") {
      return {
        allow: ["POST"],
        isPage: true,
        run: async () => {
          const { redirectTo } = action === "pay" ? await checkout.pay(sessionId) : await checkout.cancel(sessionId);
          return seeOtherResponse(redirectTo);
        },
      };
    }
    return {
      allow: ["GET"],
      isPage: true,
      run: async () => {
        const session = await checkout.get(sessionId);
        if (!session) return checkoutSessionNotFound(request);
        const html = action === "done" ? renderCheckoutDonePage(session, pagePath) : renderCheckoutPage(session, pagePath);
        return htmlResponse(200, html);
      },
    };
  }

  function routeFor(request: Request, url: URL, path: string): Route | null {
    switch (path) {
      case ROUTES.plans:
        return { allow: ["GET"], isPage: false, run: () => getPlans(request, url) };
      case ROUTES.customer:
        return { allow: ["GET"], isPage: false, run: () => getCustomer(request, url) };
      case ROUTES.provisionSubscription:
        return { allow: ["POST"], isPage: false, run: () => provisionSubscription(request, url) };
      default:
        return checkoutRoute(request, path);
    }
  }

  function report(error: unknown, request: Request): void {
    try {
      onError?.(error, request);
    } catch {
      // A broken error reporter must not turn an answer into an unanswered request.
    }
  }

  function failure(error: unknown, request: Request, isPage: boolean): Response {
    if (isBackendError(error)) {
      if (isPage && wantsHtml(request)) {
        return htmlResponse(error.status, renderCheckoutErrorPage("Checkout unavailable", error.message));
      }
      return errorResponse(error.status, error.code, error.message);
    }
    report(error, request);
    // An outage of the store, not a bug: nothing was provisioned and a retry may well succeed.
    if (isStoreUnavailableError(error)) return errorResponse(503, "STORE_UNAVAILABLE", STORE_UNAVAILABLE_MESSAGE);
    // The real error may hold backend internals (URLs, keys, SQL); the client only learns it failed.
    return errorResponse(500, "INTERNAL_ERROR", INTERNAL_ERROR_MESSAGE);
  }

  async function handler(request: Request): Promise<Response> {
    const response = await respond(request);
    // Every 503 says when to come back (RFC 9110), a backend's included: clients and proxies that
    // retry wait that long, and by then a claim abandoned in a store outage has been released.
    if (response.status === 503 && !response.headers.has("Retry-After")) {
      response.headers.set("Retry-After", String(SERVICE_UNAVAILABLE_RETRY_AFTER_S));
    }
    // A HEAD answer is GET's status and headers, never a body (HTTP semantics), errors included.
    return request.method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
  }

  async function respond(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!handles(url.pathname)) {
      return errorResponse(404, "NOT_FOUND", `No upgrade route here; routes are under ${basePath || "/"}.`);
    }
    const path = url.pathname.slice(basePath.length);
    const route = routeFor(request, url, path);
    if (!route) return errorResponse(404, "NOT_FOUND", `No route ${path || "/"} under ${basePath || "/"}.`);
    // HEAD is GET without a body (HTTP semantics: link checkers and CDNs send it), so it is implied
    // wherever GET is allowed rather than listed.
    const method = request.method === "HEAD" ? "GET" : request.method;
    if (!route.allow.includes(method)) {
      return errorResponse(405, "METHOD_NOT_ALLOWED", `Use ${route.allow.join(" or ")} for this route.`, {
        Allow: route.allow.join(", "),
      });
    }
    if (request.method === "POST") {
      const allowedOrigins = new Set([...ownOrigins(url), ...extraPostOrigins]);
      if (!isAllowedRequestOrigin(request.headers.get("origin"), allowedOrigins)) {
        return errorResponse(403, "ORIGIN_NOT_ALLOWED", "Requests from this origin are not allowed.");
      }
    }
    try {
      return await route.run();
    } catch (error) {
      return failure(error, request, route.isPage);
    }
  }

  return Object.assign(handler, { basePath, handles });
}

function checkoutSessionNotFound(request: Request): Response {
  const message = "This checkout session does not exist or has expired.";
  if (wantsHtml(request)) return htmlResponse(404, renderCheckoutErrorPage("Checkout not found", message));
  return errorResponse(404, "CHECKOUT_SESSION_NOT_FOUND", message);
}

/** Browsers navigating (form posts, links) ask for HTML; fetch() and API clients do not. */
function wantsHtml(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/** "/api/upgrade/" and "api/upgrade" both mean "/api/upgrade"; "/" means the root (""). */
function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, "");
  if (trimmed === "") return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

/**
 * `publicOrigin` as origins, or `undefined` where falling back to the request's origin is allowed
 * (development and test). Anywhere else (production, and runtimes that say nothing, such as a
 * browser bundle or a worker) a missing option is a configuration error, raised at start-up.
 */
function resolvePublicOrigins(option: string | readonly string[] | undefined): readonly string[] | undefined {
  const origins = (typeof option === "string" ? [option] : (option ?? [])).map((origin) => toOrigin(origin, "publicOrigin"));
  if (origins.length > 0) return origins;
  const nodeEnv = readNodeEnv();
  if (nodeEnv !== "development" && nodeEnv !== "test") {
    throw new TypeError(
      `createUpgradeHandler: set publicOrigin to your app's public origin (e.g. "https://app.example.com"). ` +
        `Without it the handler would build checkout links and check return URLs from the request's Host header, ` +
        `which the caller controls (NODE_ENV is ${nodeEnv === undefined ? "not set" : `"${nodeEnv}"`}).`,
    );
  }
  if (nodeEnv === "development") {
    console.warn(
      "react-upgrade-kit: publicOrigin is not set, so the upgrade handler trusts each request's Host header. " +
        "Set it before going to production, where the handler refuses to start without it.",
    );
  }
  return undefined;
}

/** Read when the handler is created, not bundled in: the handler also runs where `process` is absent. */
function readNodeEnv(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV;
}

function toOrigin(origin: string, option: string): string {
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    parsed = "null";
  }
  // "localhost:3000" parses, as a URL of scheme "localhost:" whose origin is "null".
  if (parsed === "null") throw new TypeError(`createUpgradeHandler: ${option} has an invalid origin "${origin}"`);
  return parsed;
}
