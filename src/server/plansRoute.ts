/** `GET {basePath}/plans`: the public catalog, or the signed-in customer's paywall. */
import type { PlansQuery, UpgradeBackend } from "./backend.js";
import { jsonResponse } from "./httpResponses.js";
import { identityOf, type Identify } from "./identify.js";

export interface PlansRouteContext {
  backend: Pick<UpgradeBackend, "getPlans">;
  identify: Identify;
  /** Told when `identify` throws; the request is then answered as an anonymous one. */
  onError?: (error: unknown, request: Request) => void;
}

export async function answerPlans(context: PlansRouteContext, request: Request, url: URL): Promise<Response> {
  const query: PlansQuery = {};
  const productId = url.searchParams.get("productId");
  if (productId) query.productId = productId;
  // Plans are public; a signed-in request also says whose paywall it is. A failing `identify`
  // (an expired session that throws) is reported and the public plans are answered, as before
  // plans asked who was signed in.
  try {
    const identity = await identityOf(context.identify, request);
    if (identity) query.customerId = identity.customerId;
  } catch (error) {
    context.onError?.(error, request);
  }
  const plans = await context.backend.getPlans(query);
  return jsonResponse(200, { plans });
}
