/**
 * A customer's entitlements as a backend computes them: from each live subscription's plan (with
 * its base plans) and add-ons, merged across products (the most generous grant wins), plus the
 * usage the backend has recorded. The memory backend serves this; real backends (Stigg) compute
 * their own.
 */
import { isLiveSubscription } from "../subscriptions.js";
import type { Customer, CustomerEntitlement, Entitlement, Plan } from "../contract.js";
import { planEntitlements, withAddonEntitlements } from "./planEntitlements.js";

export function customerEntitlements(
  customer: Pick<Customer, "subscriptions">,
  plans: readonly Plan[],
  usage: Readonly<Record<string, number>> = {},
): CustomerEntitlement[] {
  const merged = new Map<string, Entitlement>();
  for (const subscription of customer.subscriptions) {
    if (!isLiveSubscription(subscription)) continue;
    const plan = plans.find((candidate) => candidate.id === subscription.planId);
    if (!plan) continue;
    for (const entitlement of withAddonEntitlements(planEntitlements(plan, plans), plan, subscription.addons ?? [])) {
      const current = merged.get(entitlement.featureId);
      merged.set(entitlement.featureId, current ? moreGenerous(current, entitlement) : entitlement);
    }
  }
  return [...merged.values()].map((entitlement) => ({
    featureId: entitlement.featureId,
    displayName: entitlement.displayName,
    featureType: entitlement.featureType,
    hasAccess: true,
    ...(entitlement.enumValues && { enumValues: entitlement.enumValues }),
    ...(entitlement.featureType === "NUMBER" && {
      isUnlimited: entitlement.isUnlimited === true,
      usageLimit: entitlement.isUnlimited ? null : (entitlement.usageLimit ?? null),
      currentUsage: usage[entitlement.featureId] ?? 0,
    }),
  }));
}

function moreGenerous(a: Entitlement, b: Entitlement): Entitlement {
  // Two plans granting values of one ENUM feature (regions) grant all of them.
  if (a.enumValues || b.enumValues) {
    return { ...a, enumValues: [...new Set([...(a.enumValues ?? []), ...(b.enumValues ?? [])])] };
  }
  if (a.isUnlimited) return a;
  if (b.isUnlimited) return b;
  return (b.usageLimit ?? 0) > (a.usageLimit ?? 0) ? b : a;
}
