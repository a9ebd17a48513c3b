/** `GET {basePath}/customer`: the signed-in customer, and only them. */
import type { UpgradeBackend } from "./backend.js";
import { errorResponse, jsonResponse, type HttpAnswer } from "./httpResponses.js";
import { forbiddenCustomerResponse, identityOf, unauthenticatedResponse, type Identify } from "./identify.js";

export interface CustomerRouteContext {
  backend: Pick<UpgradeBackend, "getCustomer">;
  identify: Identify;
}

export async function answerCustomer(context: CustomerRouteContext, request: Request, url: URL): Promise<HttpAnswer> {
  const identity = await identityOf(context.identify, request);
  if (!identity) return unauthenticatedResponse();
  const customerId = url.searchParams.get("customerId") || identity.customerId;
  if (customerId !== identity.customerId) return forbiddenCustomerResponse();
  const customer = await context.backend.getCustomer(customerId);
  if (!customer) return errorResponse(404, "CUSTOMER_NOT_FOUND", "This customer does not exist.");
  return jsonResponse(200, { customer });
}
