/** The number of units (seats, licenses) a per-unit plan is bought with. */
import type { Price } from "../contract.js";

export interface UnitQuantityRange {
  min: number;
  /** `undefined`: no upper bound. */
  max: number | undefined;
}

/**
 * The quantities a price allows. Never below 1: provisioning rejects a quantity of 0 even where
 * a price point says its minimum is 0.
 */
export function unitQuantityRange(price: Price): UnitQuantityRange {
  const min = Math.max(1, price.minUnitQuantity ?? 1);
  const max =
    price.maxUnitQuantity === undefined ? undefined : Math.max(min, price.maxUnitQuantity);
  return { min, max };
}

/** `quantity` made a whole number inside `range`. */
export function clampUnitQuantity(quantity: number, range: UnitQuantityRange): number {
  const whole = Number.isFinite(quantity) ? Math.round(quantity) : range.min;
  const atLeastMin = Math.max(range.min, whole);
  return range.max === undefined ? atLeastMin : Math.min(range.max, atLeastMin);
}
