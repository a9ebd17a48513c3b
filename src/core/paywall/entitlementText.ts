/** The line a plan card lists for one entitlement ("Unlimited projects", "10,000 API calls"). */
import type { Entitlement } from "../contract.js";
import { text, type PaywallTexts } from "./texts.js";

export interface EntitlementTextOptions {
  /** BCP 47 locale for the limit ("10,000" in en-US, "10.000" in de-DE). */
  locale: string;
  texts: PaywallTexts;
}

export function entitlementText(entitlement: Entitlement, options: EntitlementTextOptions): string {
  const { locale, texts } = options;
  const name = entitlement.displayName;
  if (entitlement.featureType === "BOOLEAN") return text(texts.entitlementIncluded, { name });

  const pluralUnits = entitlement.unitsPlural || entitlement.units || name;
  if (entitlement.isUnlimited) {
    return text(texts.entitlementUnlimited, { name, units: pluralUnits });
  }
  const count = entitlement.usageLimit;
  if (count === undefined || count === null) return text(texts.entitlementIncluded, { name });

  const units = count === 1 ? entitlement.units || pluralUnits : pluralUnits;
  return text(texts.entitlementLimit, { name, count, limit: count.toLocaleString(locale), units });
}
