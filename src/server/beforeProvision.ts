/**
 * The app's `beforeProvision` hook, and the check of what it returns before it reaches the backend.
 */
import type { ProvisionSubscriptionParams } from "../core/contract.js";
import { formatSchemaIssues } from "../core/schemaKit.js";
import { parseWith, provisionParamsSchema } from "../core/schemas.js";

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

/**
 * Runs the app's hook and checks what it returns: it is trusted code, but a hook that returns a
 * malformed body or another customer is a bug that must not reach the billing API. Such a bug
 * throws, which answers a 500 and reaches `onError`.
 */
export async function runBeforeProvision(
  hook: BeforeProvision,
  params: ProvisionSubscriptionParams,
  request: Request,
): Promise<ProvisionSubscriptionParams> {
  const customerId = params.customerId;
  const parsed = parseWith(provisionParamsSchema, await hook(structuredClone(params), { customerId, request }));
  if (!parsed.ok) {
    throw new TypeError(`beforeProvision returned invalid params (${formatSchemaIssues(parsed.issues)})`);
  }
  if (parsed.value.customerId !== customerId) {
    throw new TypeError("beforeProvision must not change params.customerId");
  }
  return parsed.value;
}
