/**
 * A backend's plans as JSON text, for a backend that keeps them so (the memory backend): the plans
 * route then serializes nothing per request. Internal, under a symbol, and only trusted while the
 * backend's `getPlans` is the very function that registered it: a wrapper that replaces
 * `getPlans` (`{ ...memoryBackend, getPlans: myOwn }` copies the symbol too) is asked through
 * `getPlans` as usual.
 */
import type { PlansQuery, UpgradeBackend } from "./backend.js";

export const PLANS_JSON = Symbol.for("react-upgrade-kit.plansJson");

export interface PlansJsonSource {
  /** The `getPlans` these texts are the answers of. */
  getPlans: UpgradeBackend["getPlans"];
  /** `JSON.stringify(await getPlans(query))`, without making the plans. */
  json(query: PlansQuery): Promise<string>;
}

export function plansJsonOf(backend: Pick<UpgradeBackend, "getPlans">, query: PlansQuery): Promise<string> | undefined {
  const source = (backend as { [PLANS_JSON]?: PlansJsonSource })[PLANS_JSON];
  return source && source.getPlans === backend.getPlans ? source.json(query) : undefined;
}
