/** What one unit of a per-unit or usage-based price is called ("seat" / "seats"). */
import type { Price } from "../contract.js";
import { text, type PaywallTexts } from "./texts.js";

export interface PriceUnits {
  singular: string;
  plural: string;
}

/** The price's feature units, else the texts' generic "unit" / "units". */
export function priceUnits(price: Price, texts: PaywallTexts): PriceUnits {
  // `||`, not `??`: an empty unit name from the backend is as good as none.
  const singular = price.feature?.units || text(texts.defaultUnit);
  const plural =
    price.feature?.unitsPlural || price.feature?.units || text(texts.defaultUnitPlural);
  return { singular, plural };
}

/** The unit name agreeing with `count`. */
export function unitsFor(count: number, units: PriceUnits): string {
  return count === 1 ? units.singular : units.plural;
}
