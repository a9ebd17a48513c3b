/** Which plans a paywall shows, and in what order. */
import type { Plan } from "../contract.js";

export interface VisiblePlansOptions {
  /** Show only the plans of this product (`plan.productId`). */
  productId?: string;
  /** Plans to leave out, on top of those marked `metadata.hidden = "true"`. */
  hiddenPlanIds?: readonly string[];
}

/**
 * The paywall's order: ascending `order`, then `displayName`. Array sort is stable, so plans
 * equal on both keep the backend's order.
 */
export function sortPlans(plans: readonly Plan[]): Plan[] {
  return [...plans].sort(comparePlans);
}

function comparePlans(a: Plan, b: Plan): number {
  if (a.order !== b.order) return a.order - b.order;
  // Code-unit comparison, not localeCompare: the order must not change with the runtime's locale.
  if (a.displayName < b.displayName) return -1;
  if (a.displayName > b.displayName) return 1;
  return 0;
}

export function isHiddenPlan(plan: Plan, hiddenPlanIds: readonly string[] = []): boolean {
  return plan.metadata?.hidden === "true" || hiddenPlanIds.includes(plan.id);
}

/**
 * The plans to show, sorted. A plan id the backend lists twice is shown once (its first entry):
 * cards, busy states and quantities are keyed by plan id.
 */
export function visiblePlans(plans: readonly Plan[], options: VisiblePlansOptions = {}): Plan[] {
  const { productId, hiddenPlanIds } = options;
  const seen = new Set<string>();
  return sortPlans(
    plans.filter((plan) => {
      if (seen.has(plan.id)) return false;
      seen.add(plan.id);
      return (productId === undefined || plan.productId === productId) && !isHiddenPlan(plan, hiddenPlanIds);
    }),
  );
}
