/**
 * Whether a customer may use a feature, from the entitlements the backend computed. NUMBER
 * features ask "may I use `requestedUsage` more?" (default 1: one more project, one more seat).
 * A feature the customer has no entitlement for is not accessible.
 */
import type { Customer, CustomerEntitlement } from "../contract.js";

export interface EntitlementCheck {
  hasAccess: boolean;
  isUnlimited: boolean;
  /** null: unlimited, or a BOOLEAN feature. */
  usageLimit: number | null;
  currentUsage: number;
  /** What is left before the limit; null when there is no limit. */
  remaining: number | null;
  entitlement: CustomerEntitlement | undefined;
}

export function checkEntitlement(
  customer: Customer | null,
  featureId: string,
  requestedUsage = 1,
): EntitlementCheck {
  const entitlement = customer?.entitlements?.find((candidate) => candidate.featureId === featureId);
  const isUnlimited = entitlement?.isUnlimited === true;
  const usageLimit = isUnlimited ? null : (entitlement?.usageLimit ?? null);
  const currentUsage = entitlement?.currentUsage ?? 0;
  const remaining = usageLimit === null ? null : Math.max(0, usageLimit - currentUsage);
  const withinLimit = entitlement?.featureType !== "NUMBER" || remaining === null || remaining >= requestedUsage;
  return {
    hasAccess: entitlement !== undefined && entitlement.hasAccess && withinLimit,
    isUnlimited,
    usageLimit,
    currentUsage,
    remaining,
    entitlement,
  };
}
