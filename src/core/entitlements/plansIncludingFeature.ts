/**
 * The plans that would give the customer a feature: the plan grants it (itself or by inheritance)
 * and, for NUMBER features, with room for what the customer uses now plus what they ask for.
 */
import type { Plan } from "../contract.js";
import { planEntitlements } from "./planEntitlements.js";

export interface FeatureNeed {
  featureId: string;
  /** How much more the customer wants to use (NUMBER features). Default 1. */
  requestedUsage?: number;
  /** What the customer uses now. Default 0. */
  currentUsage?: number;
}

export function planIncludesFeature(plan: Plan, plans: readonly Plan[], need: FeatureNeed): boolean {
  const entitlement = planEntitlements(plan, plans).find((candidate) => candidate.featureId === need.featureId);
  if (!entitlement) return false;
  // `planEntitlements` leaves out "not included" lines, so an ENUM or BOOLEAN entry is a grant.
  if (entitlement.featureType !== "NUMBER" || entitlement.isUnlimited || entitlement.usageLimit == null) return true;
  return entitlement.usageLimit >= (need.currentUsage ?? 0) + (need.requestedUsage ?? 1);
}

export function plansIncludingFeature(plans: readonly Plan[], need: FeatureNeed): Plan[] {
  return plans.filter((plan) => planIncludesFeature(plan, plans, need));
}
