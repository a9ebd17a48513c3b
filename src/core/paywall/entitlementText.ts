/** The line a plan card lists for one entitlement ("Unlimited projects", "10,000 API calls"). */
import { cachedIn } from "../cachedIn.js";
import type { Entitlement } from "../contract.js";
import { text, type PaywallTexts } from "./texts.js";

/**
 * One formatter per locale: `number.toLocaleString(locale)` builds one per call, which costs about
 * 16 µs in Chromium (30 times a cached one), and this runs for every line of every card.
 */
const countFormats = new Map<string, Intl.NumberFormat>();

export interface EntitlementTextOptions {
  /** BCP 47 locale for the limit ("10,000" in en-US, "10.000" in de-DE). */
  locale: string;
  texts: PaywallTexts;
}

export function entitlementText(entitlement: Entitlement, options: EntitlementTextOptions): string {
  const { locale, texts } = options;
  const name = entitlement.displayName;
  const included = text(texts.entitlementIncluded, { name });
  if (entitlement.featureType === "ENUM") {
    const list = entitlement.enumValues ?? [];
    return list.length > 0 ? text(texts.entitlementValues, { name, values: list.join(", "), list }) : included;
  }
  // A line the plan marks as not included names the feature only: "0 seats" would read as a grant.
  if (entitlement.featureType === "BOOLEAN" || entitlement.isGranted === false) return included;

  const pluralUnits = entitlement.unitsPlural || entitlement.units || name;
  const unitsNameFeature = sayTheSame(name, entitlement.units) || sayTheSame(name, pluralUnits);
  if (entitlement.isUnlimited) {
    return text(texts.entitlementUnlimited, { name, units: pluralUnits, unitsNameFeature });
  }
  const count = entitlement.usageLimit;
  // Without a limit, or with a limit of 0 (a feature listed with no amount), the name alone: a
  // card promising "0 seats" reads as a mistake.
  if (!count) return included;

  const units = count === 1 ? entitlement.units || pluralUnits : pluralUnits;
  return text(texts.entitlementLimit, { name, count, limit: cachedIn(countFormats, locale, () => new Intl.NumberFormat(locale)).format(count), units, unitsNameFeature });
}

/** "Projects" and "project", "API calls" and "API call": one contains the other, whatever the case. */
function sayTheSame(name: string, units: string | undefined): boolean {
  if (!units) return false;
  const [a, b] = [name.toLowerCase(), units.toLowerCase()];
  return a.includes(b) || b.includes(a);
}
