/**
 * The HTTP side of the endpoint contract as one Fetch API function: `(Request) => Promise<Response>`.
 * It runs unchanged in Node 20 (through `toNodeListener`), msw, Vite middleware, edge runtimes and
 * service workers. It owns everything that is about HTTP and trust (routing, identity, origin and
 * body checks, the allowlist of client-settable fields, return-URL policy, idempotency, per-customer
 * serialization); billing rules live in the `UpgradeBackend` it is given, and what must be shared
 * between instances (idempotency records, customer locks) in the `UpgradeStore`.
 *
 * This file is the configuration, routing and error mapping; each route is its own module, given
 * only what it needs (`plansRoute`, `customerRoute`, `provisionRoute` with `idempotentProvision`,
 * `devCheckoutRoutes`).
 */
import { ROUTES } from "../core/contract.js";
import { isBackendError } from "./backend.js";
import { createCatalogCache } from "./catalogCache.js";
import { renderCheckoutErrorPage } from "./checkoutPages.js";
import { answerCustomer } from "./customerRoute.js";
import { createMemoryStore } from "./createMemoryStore.js";
import { CHECKOUT_PATH, devCheckoutRoute } from "./devCheckoutRoutes.js";
import { normalizeBasePath, resolvePlansCaching, resolvePublicOrigins, toOrigin } from "./handlerOptions.js";
import { ANSWER } from "./handlerAnswer.js";
import { errorResponse, hasHeader, htmlResponse, toResponse, type HttpAnswer } from "./httpResponses.js";
import { provisionIdempotently, type IdempotentProvisionContext } from "./idempotentProvision.js";
import { isAllowedRequestOrigin } from "./isAllowedRequestOrigin.js";
import { answerPlans, createPlansSerializer, type PlansRouteContext } from "./plansRoute.js";
import { answerProvision, type ProvisionRouteContext } from "./provisionRoute.js";
import { DEFAULT_ALLOWED_PROVISION_FIELDS, toAllowedFieldSet } from "./provisionFields.js";
import type { Route } from "./route.js";
import { guardStore, isStoreUnavailableError } from "./storeUnavailable.js";
import type { UpgradeHandlerOptions } from "./upgradeHandlerOptions.js";
import { wantsHtml } from "./wantsHtml.js";

export type { BeforeProvision, BeforeProvisionContext } from "./beforeProvision.js";
export { CHECKOUT_PATH } from "./devCheckoutRoutes.js";
export type { Identify, Identity } from "./identify.js";
export { IDEMPOTENT_REPLAYED_HEADER, MAX_BODY_BYTES } from "./provisionRoute.js";
export type { UpgradeHandlerOptions } from "./upgradeHandlerOptions.js";

export interface UpgradeHandler {
  (request: Request): Promise<Response>;
  /** The normalized base path ("/api/upgrade"; "" when mounted at the root). */
  readonly basePath: string;
  /** Whether a URL path is under `basePath`, so adapters can pass other requests on without reading them. */
  handles(pathname: string): boolean;
  /** The same answer as a plain `HttpAnswer`, for `toNodeListener` (see handlerAnswer.ts). */
  readonly [ANSWER]: (request: Request) => Promise<HttpAnswer>;
}

export const DEFAULT_BASE_PATH = "/api/upgrade";
export const DEFAULT_LOCK_TTL_MS = 30_000;
export const DEFAULT_CATALOG_TTL_MS = 60_000;
/** Seconds a 503 asks the client to wait: long enough for a store that was briefly away to be back. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_S = 2;

const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";
const STORE_UNAVAILABLE_MESSAGE = "Purchases are unavailable for a moment. Nothing was bought; please try again.";

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
  // With publicOrigin configured, the origins a request is checked against are the same for all.
  const fixedPostOrigins = publicOrigins ? new Set([...publicOrigins, ...extraPostOrigins]) : undefined;
  const fixedReturnOrigins = configuredOrigins ?? (publicOrigins ? new Set(publicOrigins) : undefined);
  const allowedFields = toAllowedFieldSet(options.allowedProvisionFields ?? DEFAULT_ALLOWED_PROVISION_FIELDS);
  const store = guardStore(options.store ?? createMemoryStore());
  const lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  const catalogTtlMs = options.catalogTtlMs ?? DEFAULT_CATALOG_TTL_MS;
  if (!(catalogTtlMs >= 0)) throw new RangeError(`createUpgradeHandler: catalogTtlMs must be 0 or more, got ${catalogTtlMs}`);
  if (!(lockTtlMs > 0)) throw new RangeError(`createUpgradeHandler: lockTtlMs must be positive, got ${lockTtlMs}`);
  // A claimed key's owner may first wait for its customer's lock (up to lockTtlMs), then hold it
  // (up to lockTtlMs): the claim must outlive both, or a waiting retry would provision a second time.
  const claimTtlMs = 2 * lockTtlMs;
  const plans: PlansRouteContext = { backend, identify, onError, caching: resolvePlansCaching(options.plansCaching), serialized: createPlansSerializer() };

  const idempotent: IdempotentProvisionContext = {
    backend,
    beforeProvision,
    store,
    lockTtlMs,
    claimTtlMs,
    checkoutBaseUrl: (request: Request, url: URL) => `${checkoutOrigin(request, url)}${basePath}${CHECKOUT_PATH}`,
    report,
  };
  const provision: ProvisionRouteContext = {
    identify,
    allowedFields,
    allowedReturnOrigins: (url: URL) => fixedReturnOrigins ?? new Set(ownOrigins(url)),
    catalog: createCatalogCache(backend, catalogTtlMs),
    provision: (params, idempotencyKey, request, url) => provisionIdempotently(idempotent, params, idempotencyKey, request, url),
  };

  /**
   * The dev checkout opens on the page's own origin when that is one of ours (the browser accepts a
   * checkout link on its own origin; "localhost" and "127.0.0.1" are two), else on the first one.
   * Only configured origins qualify: the Origin header picks among them, it never adds one.
   */
  function checkoutOrigin(request: Request, url: URL): string {
    const own = ownOrigins(url);
    const pageOrigin = request.headers.get("origin");
    return pageOrigin !== null && own.includes(pageOrigin) ? pageOrigin : own[0]!;
  }

  function handles(pathname: string): boolean {
    return pathname === basePath || pathname.startsWith(`${basePath}/`);
  }

  function routeFor(request: Request, url: URL, path: string): Route | null {
    switch (path) {
      case ROUTES.plans:
        return { allow: ["GET"], isPage: false, run: () => answerPlans(plans, request, url) };
      case ROUTES.customer:
        return { allow: ["GET"], isPage: false, run: () => answerCustomer({ backend, identify }, request, url) };
      case ROUTES.provisionSubscription:
        return { allow: ["POST"], isPage: false, run: () => answerProvision(provision, request, url) };
      default:
        return devCheckoutRoute({ backend, basePath }, request, path);
    }
  }

  function report(error: unknown, request: Request): void {
    try {
      onError?.(error, request);
    } catch {
      // A broken error reporter must not turn an answer into an unanswered request.
    }
  }

  function failure(error: unknown, request: Request, isPage: boolean): HttpAnswer {
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

  async function answer(request: Request): Promise<HttpAnswer> {
    const answered = await respond(request);
    // Every 503 says when to come back (RFC 9110), a backend's included: clients and proxies that
    // retry wait that long, and by then a claim abandoned in a store outage has been released.
    if (answered.status === 503 && !hasHeader(answered, "Retry-After")) {
      answered.headers["Retry-After"] = String(SERVICE_UNAVAILABLE_RETRY_AFTER_S);
    }
    // A HEAD answer is GET's status and headers, never a body (HTTP semantics), errors included.
    if (request.method === "HEAD") answered.body = null;
    return answered;
  }

  async function handler(request: Request): Promise<Response> {
    return toResponse(await answer(request));
  }

  async function respond(request: Request): Promise<HttpAnswer> {
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
      const allowedOrigins = fixedPostOrigins ?? new Set([...ownOrigins(url), ...extraPostOrigins]);
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

  return Object.assign(handler, { basePath, handles, [ANSWER]: answer });
}
