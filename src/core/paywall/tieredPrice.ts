/** What a tiered per-unit price costs, and the figure it is advertised at ("From $10"). */
import type { PriceTier, TiersMode } from "../contract.js";

/**
 * The cost of `quantity` units. VOLUME: the tier the quantity falls in prices every unit, plus that
 * tier's flat price. GRADUATED: each tier prices the units that fall in it, plus the flat price of
 * every tier reached. Tiers are read in ascending `upTo`; one without `upTo` covers the rest.
 */
export function tieredTotal(tiers: readonly PriceTier[], mode: TiersMode, quantity: number): number {
  const sorted = ascending(tiers);
  const cost = (tier: PriceTier, units: number) => units * (tier.unitPrice ?? 0) + (tier.flatPrice ?? 0);
  if (mode === "VOLUME") {
    // Past the last tier's `upTo` (a backend that lists no open-ended tier), the last tier applies.
    const tier = sorted.find((candidate) => quantity <= (candidate.upTo ?? Infinity)) ?? sorted.at(-1);
    return tier ? cost(tier, quantity) : 0;
  }
  let total = 0;
  let covered = 0;
  for (const tier of sorted) {
    if (quantity <= covered) break;
    const upTo = Math.min(quantity, tier.upTo ?? Infinity);
    total += cost(tier, upTo - covered);
    covered = upTo;
  }
  return total;
}

/**
 * What one starts paying: the first tier's unit price, or its flat price for tiers priced per
 * block ("From $50" for the first 10 seats). `isPerUnit` says which one it is.
 */
export function firstTierPrice(tiers: readonly PriceTier[]): { amount: number; isPerUnit: boolean } | undefined {
  const first = ascending(tiers)[0];
  if (!first) return undefined;
  if (first.unitPrice !== undefined && (first.unitPrice > 0 || first.flatPrice === undefined)) {
    return { amount: first.unitPrice, isPerUnit: true };
  }
  return { amount: first.flatPrice ?? 0, isPerUnit: false };
}

/** Backends should list tiers in order; sorting costs nothing and makes a shuffled list safe. */
function ascending(tiers: readonly PriceTier[]): PriceTier[] {
  return [...tiers].sort((a, b) => (a.upTo ?? Infinity) - (b.upTo ?? Infinity));
}
