/**
 * `POST {basePath}/provision-subscription`: turns the request into checked params (who is asking,
 * the body, the fields the client may set, return URLs, its `Idempotency-Key`, the customer's
 * catalog), then hands them to the idempotent provision and sends its answer.
 */
import { IDEMPOTENCY_KEY_HEADER, type ProvisionSubscriptionParams } from "../core/contract.js";
import { formatSchemaIssues } from "../core/schemaKit.js";
import { parseWith, provisionParamsSchema } from "../core/schemas.js";
import { BackendError } from "./backend.js";
import type { CatalogCache } from "./catalogCache.js";
import { checkOrder } from "./checkOrder.js";
import { errorResponse, jsonTextResponse, type HttpAnswer } from "./httpResponses.js";
import { forbiddenCustomerResponse, identityOf, unauthenticatedResponse, type Identify } from "./identify.js";
import type { ProvisionAnswer } from "./idempotentProvision.js";
import { isAllowedReturnUrl } from "./isAllowedReturnUrl.js";
import { disallowedProvisionFields } from "./provisionFields.js";
import { readJsonBody } from "./readJsonBody.js";

/** Provision bodies are a few hundred bytes; the cap stops memory abuse through huge bodies. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Set on answers replayed from the idempotency store (the name Stripe uses). */
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface ProvisionRouteContext {
  identify: Identify;
  /** The provision fields the client may set (`toAllowedFieldSet`). */
  allowedFields: ReadonlySet<string>;
  /** Origins `checkoutOptions.successUrl`/`cancelUrl` may point to, for this request. */
  allowedReturnOrigins(url: URL): ReadonlySet<string>;
  catalog: CatalogCache;
  /** Runs the checked params once per key (`provisionIdempotently`). */
  provision(params: ProvisionSubscriptionParams, idempotencyKey: string, request: Request, url: URL): Promise<ProvisionAnswer>;
}

export async function answerProvision(context: ProvisionRouteContext, request: Request, url: URL): Promise<HttpAnswer> {
  const identity = await identityOf(context.identify, request);
  if (!identity) return unauthenticatedResponse();

  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return errorResponse(body.status, body.code, body.message);
  if (body.value === null || typeof body.value !== "object" || Array.isArray(body.value)) {
    return errorResponse(400, "INVALID_REQUEST", "Request body must be a JSON object.");
  }
  const input: Record<string, unknown> = { ...body.value };
  const refused = disallowedProvisionFields(input, context.allowedFields);
  if (refused.length > 0) {
    return errorResponse(400, "FIELD_NOT_ALLOWED", `These fields cannot be set by the client: ${refused.join(", ")}.`);
  }
  // The client may leave the customer to the session; it is then the signed-in one.
  input.customerId ??= identity.customerId;
  const parsed = parseWith(provisionParamsSchema, input);
  if (!parsed.ok) {
    return errorResponse(400, "INVALID_REQUEST", `Invalid request: ${formatSchemaIssues(parsed.issues)}`);
  }
  const params = parsed.value;
  if (params.customerId !== identity.customerId) return forbiddenCustomerResponse();

  const allowedOrigins = context.allowedReturnOrigins(url);
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

  await checkAgainstCatalog(context.catalog, params);
  const answer = await context.provision(params, idempotencyKey, request, url);
  // What this customer may buy may have changed (a trial used, a plan now current).
  context.catalog.forget(params.customerId);
  const headers = { ...answer.headers, ...(answer.replayed ? { [IDEMPOTENT_REPLAYED_HEADER]: "true" } : {}) };
  return jsonTextResponse(answer.status, answer.body, headers);
}

/**
 * Refuses, with the backend's own 4xx codes, what the customer's paywall does not sell: a plan
 * it does not list (hidden, another account's, made up), an add-on the plan does not offer, a
 * period or quantity out of its prices. The billing API behind a backend would accept any plan of
 * the account, so this is the handler's job, for every backend.
 */
async function checkAgainstCatalog(catalog: CatalogCache, params: ProvisionSubscriptionParams): Promise<void> {
  const plans = await catalog.plansOf(params.customerId);
  const plan = plans.find((candidate) => candidate.id === params.planId);
  if (!plan) throw new BackendError("PLAN_NOT_FOUND", 404, `There is no plan "${params.planId}".`);
  checkOrder(plan, params);
}
