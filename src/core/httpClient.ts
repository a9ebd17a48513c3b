/**
 * The framework-free HTTP client for the endpoint contract. Every answer is validated against the
 * contract's schema; every failure becomes an `UpgradeError` (never a bare TypeError or SyntaxError),
 * so the React layer and apps only ever handle one error type.
 */
import {
  IDEMPOTENCY_KEY_HEADER,
  ROUTES,
  type Customer,
  type Plan,
  type ProvisionSubscriptionParams,
  type ProvisionSubscriptionResult,
} from "./contract.js";
import {
  customerResponseSchema,
  errorBodySchema,
  parseWith,
  plansResponseSchema,
  provisionResultSchema,
} from "./schemas.js";
import type { Schema } from "./schemaKit.js";
import { UpgradeError } from "./UpgradeError.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface UpgradeClientOptions {
  /** Base URL of the app's backend endpoint, absolute or relative to the page ("/api/upgrade"). */
  endpoint: string;
  /** Extra headers per request, e.g. `Authorization`; may be async (token refresh). */
  getHeaders?: () => HeadersInit | Promise<HeadersInit>;
  /** `fetch` credentials mode; the browser default ("same-origin") when absent. */
  credentials?: RequestCredentials;
  /** A custom fetch (tests, instrumented clients). Defaults to the global `fetch` at call time. */
  fetch?: FetchLike;
  /** Milliseconds before a request fails with `TIMEOUT`. Default 15 000. */
  timeoutMs?: number;
}

export interface RequestOptions {
  /** Cancels the request (e.g. react-query's signal on unmount): rejects with `ABORTED`. */
  signal?: AbortSignal;
}

export interface ProvisionRequestOptions extends RequestOptions {
  idempotencyKey: string;
}

export interface UpgradeClient {
  readonly endpoint: string;
  getPlans(query?: { productId?: string }, options?: RequestOptions): Promise<Plan[]>;
  getCustomer(customerId: string, options?: RequestOptions): Promise<Customer>;
  provisionSubscription(
    params: ProvisionSubscriptionParams,
    options: ProvisionRequestOptions,
  ): Promise<ProvisionSubscriptionResult>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export function createUpgradeClient(options: UpgradeClientOptions): UpgradeClient {
  const endpoint = options.endpoint.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** GET without `idempotencyKey`, POST (a JSON body) with it. */
  async function request<T>(
    path: string,
    schema: Schema<T>,
    signal: AbortSignal | undefined,
    post?: { body: unknown; idempotencyKey: string },
  ): Promise<T> {
    const url = endpoint + path;

    // The fetch stops for either reason (timeout, or the caller's signal); which one fired is read
    // back from the two signals.
    const timeout = AbortSignal.timeout(timeoutMs);

    let response: Response;
    let text: string;
    try {
      // In here, so a failing getHeaders (a token refresh while offline, an invalid header) is an
      // UpgradeError like any other failure to ask (found by the schema fuzz).
      const headers = new Headers(await options.getHeaders?.());
      headers.set("Accept", "application/json");
      if (post) {
        headers.set("Content-Type", "application/json");
        headers.set(IDEMPOTENCY_KEY_HEADER, post.idempotencyKey);
      }
      // The global fetch is read at call time, so one installed later (msw, a polyfill) is used.
      response = await (options.fetch ?? fetch)(url, {
        method: post ? "POST" : "GET",
        headers,
        body: post && JSON.stringify(post.body),
        credentials: options.credentials,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw new UpgradeError("ABORTED", `${url}: cancelled`, { cause });
      if (timeout.aborted) {
        throw new UpgradeError("TIMEOUT", `${url}: no answer in ${timeoutMs} ms`, { cause });
      }
      throw new UpgradeError("NETWORK", `${url}: unreachable`, { cause });
    }

    const body = parseJson(text);
    if (!response.ok) {
      const serverError = parseWith(errorBodySchema, body);
      const serverCode = serverError.ok ? serverError.value.error.code : undefined;
      const message = serverError.ok
        ? serverError.value.error.message
        : `${url}: HTTP ${response.status}`;
      throw new UpgradeError("HTTP", message, {
        status: response.status,
        serverCode,
        retryAfterMs: retryAfterMs(response.headers.get("Retry-After") ?? ""),
      });
    }
    if (body === INVALID_JSON) {
      throw new UpgradeError("INVALID_RESPONSE", `${url}: not JSON`, {
        status: response.status,
        details: { body: text.slice(0, 200) },
      });
    }
    const parsed = parseWith(schema, body);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      throw new UpgradeError(
        "INVALID_RESPONSE",
        `${url}: breaks the contract at "${first?.path}": ${first?.message}`,
        { status: response.status, details: { issues: parsed.issues } },
      );
    }
    return parsed.value;
  }

  return {
    endpoint,
    async getPlans(query = {}, requestOptions = {}) {
      const search = query.productId ? `?${new URLSearchParams({ productId: query.productId })}` : "";
      const body = await request(ROUTES.plans + search, plansResponseSchema, requestOptions.signal);
      return body.plans;
    },
    async getCustomer(customerId, requestOptions = {}) {
      const search = `?${new URLSearchParams({ customerId })}`;
      const body = await request(ROUTES.customer + search, customerResponseSchema, requestOptions.signal);
      return body.customer;
    },
    provisionSubscription(params, requestOptions) {
      return request(ROUTES.provisionSubscription, provisionResultSchema, requestOptions.signal, {
        body: params,
        idempotencyKey: requestOptions.idempotencyKey,
      });
    },
  };
}

const INVALID_JSON = Symbol("invalid-json");

function parseJson(text: string): unknown {
  if (text === "") return INVALID_JSON;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/**
 * `Retry-After` (delta-seconds or an HTTP date) as milliseconds from now; `undefined` when absent,
 * unreadable, zero or past. How long to actually wait is the retry policy's call (queryRetry.ts).
 */
function retryAfterMs(value: string): number | undefined {
  return Math.max(0, +value * 1000 || Date.parse(value) - Date.now()) || undefined;
}
