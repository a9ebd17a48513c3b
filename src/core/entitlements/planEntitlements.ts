/**
 * What a plan grants, with what it inherits: a plan built on another ("Everything in Basic,
 * plus") grants the base plan's entitlements too, its own overriding the base's for one feature.
 * Add-ons add theirs on top, NUMBER limits multiplied by the add-on quantity. An entitlement marked
 * `isGranted: false` (a "not included" line on the card) grants nothing and takes nothing away
 * from what a base plan or an add-on grants.
 */
import type { Entitlement, Plan, SubscriptionAddon } from "../contract.js";

export function planEntitlements(plan: Plan, plans: readonly Plan[]): Entitlement[] {
  const byFeature = new Map<string, Entitlement>();
  const seen = new Set<string>();
  // Walk from the plan down its base chain; the first (most derived) definition wins.
  for (let current: Plan | undefined = plan; current && !seen.has(current.id); ) {
    seen.add(current.id);
    for (const entitlement of current.entitlements) {
      if (entitlement.isGranted === false) continue;
      if (!byFeature.has(entitlement.featureId)) byFeature.set(entitlement.featureId, entitlement);
    }
    const baseId: string | undefined = current.basePlanId;
    current = baseId === undefined ? undefined : plans.find((candidate) => candidate.id === baseId);
  }
  return [...byFeature.values()];
}

export function withAddonEntitlements(
  entitlements: readonly Entitlement[],
  plan: Plan,
  addons: readonly SubscriptionAddon[],
): Entitlement[] {
  const byFeature = new Map(entitlements.map((entitlement) => [entitlement.featureId, { ...entitlement }]));
  for (const { addonId, quantity } of addons) {
    const addon = plan.compatibleAddons?.find((candidate) => candidate.id === addonId);
    for (const granted of addon?.entitlements ?? []) {
      if (granted.isGranted === false) continue;
      const current = byFeature.get(granted.featureId);
      if (!current) {
        byFeature.set(granted.featureId, {
          ...granted,
          ...(typeof granted.usageLimit === "number" && { usageLimit: granted.usageLimit * quantity }),
        });
      } else if (current.featureType === "NUMBER" && !current.isUnlimited) {
        current.isUnlimited = current.isUnlimited || granted.isUnlimited;
        current.usageLimit = (current.usageLimit ?? 0) + (granted.usageLimit ?? 0) * quantity;
      }
    }
  }
  return [...byFeature.values()];
}
