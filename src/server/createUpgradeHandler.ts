/**
 * The HTTP side of the endpoint contract as one Fetch API function: `(Request) => Promise<Response>`.
 * It runs unchanged in Node 20 (through `toNodeListener`), msw, Vite middleware, edge runtimes and
 * service workers. It owns everything that is about HTTP and trust (routing, identity, body limits,
 * validation, return-URL policy, idempotency, per-customer serialization); billing rules live in the
 * `UpgradeBackend` it is given.
 */
import { IDEMPOTENCY_KEY_HEADER, ROUTES, type ProvisionSubscriptionParams } from "../core/contract.js";
import { parseWith, provisionParamsSchema } from "../core/schemas.js";
import { isBackendError, type UpgradeBackend } from "./backend.js";
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
import { createMemoryIdempotencyStore, type IdempotencyStore } from "./idempotencyStore.js";
import { isAllowedReturnUrl } from "./isAllowedReturnUrl.js";
import { createMemoryKeyedLock, type KeyedLock } from "./keyedLock.js";
import { readJsonBody } from "./readJsonBody.js";

export interface Identity {
  customerId: string;
}

/** Who is calling, from the app's own session (cookie, JWT...). `null` means not signed in. */
export type Identify = (request: Request) => Identity | null | Promise<Identity | null>;

export interface UpgradeHandlerOptions {
  backend: UpgradeBackend;
  identify: Identify;
  /** Path prefix the contract is served under. Default "/api/upgrade". */
  basePath?: string;
  /**
   * Origins that `checkoutOptions.successUrl`/`cancelUrl` may point to, e.g. `["https://app.example.com"]`.
   * Default: only the origin the request was made to.
   */
  allowedReturnOrigins?: readonly string[];
  /** Told about unexpected failures (they answer a generic 500); not about BackendErrors. */
  onError?: (error: unknown, request: Request) => void;
  /** Default: in memory, 24 h. Give a shared one when the app runs on several processes. */
  idempotencyStore?: IdempotencyStore;
  /** Default: in memory. Give a distributed one when the app runs on several processes. */
  customerLock?: KeyedLock;
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

const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

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
}

export function createUpgradeHandler(options: UpgradeHandlerOptions): UpgradeHandler {
  const { backend, identify, onError } = options;
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const configuredOrigins =
    options.allowedReturnOrigins === undefined ? undefined : new Set(options.allowedReturnOrigins.map(toOrigin));
  const idempotencyStore = options.idempotencyStore ?? createMemoryIdempotencyStore();
  const customerLock = options.customerLock ?? createMemoryKeyedLock();

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

  async function getPlans(url: URL): Promise<Response> {
    const productId = url.searchParams.get("productId") || undefined;
    const plans = await backend.getPlans(productId === undefined ? {} : { productId });
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
    // The client may leave the customer to the session; it is then the signed-in one.
    input.customerId ??= identity.customerId;
    const parsed = parseWith(provisionParamsSchema, input);
    if (!parsed.ok) {
      const issues = parsed.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
      return errorResponse(400, "INVALID_REQUEST", `Invalid request: ${issues.join("; ")}`);
    }
    const params = parsed.value;
    if (params.customerId !== identity.customerId) return forbiddenCustomer();

    const allowedOrigins = configuredOrigins ?? new Set([url.origin]);
    const returnUrls = params.checkoutOptions ? [params.checkoutOptions.successUrl, params.checkoutOptions.cancelUrl] : [];
    if (returnUrls.some((returnUrl) => !isAllowedReturnUrl(returnUrl, allowedOrigins))) {
      return errorResponse(
        400,
        "RETURN_URL_REJECTED",
        "checkoutOptions.successUrl and cancelUrl must be absolute URLs on an allowed origin.",
      );
    }

    const idempotencyKey = request.headers.get(IDEMPOTENCY_KEY_HEADER);
    if (idempotencyKey !== null && (idempotencyKey === "" || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      return errorResponse(
        400,
        "INVALID_IDEMPOTENCY_KEY",
        `${IDEMPOTENCY_KEY_HEADER} must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
      );
    }

    // Serializing per customer makes "check the store, then provision" atomic, and makes a request
    // that repeats a key in flight wait for the first one and then replay its stored answer.
    const answer = await customerLock.run(params.customerId, async (): Promise<ProvisionAnswer> => {
      if (idempotencyKey === null) return { ...(await runProvision(params, request, url)), replayed: false };

      // Keys are per customer: one customer's key can neither collide with nor reveal another's answer.
      const storeKey = JSON.stringify([params.customerId, idempotencyKey]);
      const fingerprint = canonicalJson(params);
      const stored = await idempotencyStore.get(storeKey);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          const message = `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request.`;
          return { status: 422, body: JSON.stringify(errorBody("IDEMPOTENCY_KEY_REUSED", message)), replayed: false };
        }
        return { status: stored.status, body: stored.body, replayed: true };
      }
      const fresh = await runProvision(params, request, url);
      await idempotencyStore.set(storeKey, { fingerprint, ...fresh });
      return { ...fresh, replayed: false };
    });
    return jsonTextResponse(answer.status, answer.body, answer.replayed ? { [IDEMPOTENT_REPLAYED_HEADER]: "true" } : {});
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
      const checkoutBaseUrl = `${url.origin}${basePath}${CHECKOUT_PATH}`;
      const result = await backend.provisionSubscription(params, { checkoutBaseUrl, request });
      return { status: 200, body: JSON.stringify(result) };
    } catch (error) {
      if (!isBackendError(error)) throw error;
      return { status: error.status, body: JSON.stringify(errorBody(error.code, error.message)) };
    }
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
        return { allow: ["GET"], isPage: false, run: () => getPlans(url) };
      case ROUTES.customer:
        return { allow: ["GET"], isPage: false, run: () => getCustomer(request, url) };
      case ROUTES.provisionSubscription:
        return { allow: ["POST"], isPage: false, run: () => provisionSubscription(request, url) };
      default:
        return checkoutRoute(request, path);
    }
  }

  function failure(error: unknown, request: Request, isPage: boolean): Response {
    if (isBackendError(error)) {
      if (isPage && wantsHtml(request)) {
        return htmlResponse(error.status, renderCheckoutErrorPage("Checkout unavailable", error.message));
      }
      return errorResponse(error.status, error.code, error.message);
    }
    try {
      onError?.(error, request);
    } catch {
      // A broken error reporter must not turn a 500 into an unanswered request.
    }
    // The real error may hold backend internals (URLs, keys, SQL); the client only learns it failed.
    return errorResponse(500, "INTERNAL_ERROR", INTERNAL_ERROR_MESSAGE);
  }

  async function handler(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!handles(url.pathname)) {
      return errorResponse(404, "NOT_FOUND", `No upgrade route here; routes are under ${basePath || "/"}.`);
    }
    const path = url.pathname.slice(basePath.length);
    const route = routeFor(request, url, path);
    if (!route) return errorResponse(404, "NOT_FOUND", `No route ${path || "/"} under ${basePath || "/"}.`);
    if (!route.allow.includes(request.method)) {
      return errorResponse(405, "METHOD_NOT_ALLOWED", `Use ${route.allow.join(" or ")} for this route.`, {
        Allow: route.allow.join(", "),
      });
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

function toOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    throw new TypeError(`createUpgradeHandler: allowedReturnOrigins has an invalid origin "${origin}"`);
  }
}
