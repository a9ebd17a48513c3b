/**
 * Money for display: `Intl.NumberFormat` currency style, without a ".00" tail on whole amounts
 * ("$10", "10 €"), and without hiding sub-cent usage prices ("$0.001", not "$0.00").
 */
import { cachedIn } from "../cachedIn.js";

/** Digits shown for amounts below the currency's smallest unit, e.g. per-API-call prices. */
const SUBUNIT_FRACTION_DIGITS = 6;

/**
 * Building a formatter is costly and this runs per card per render, so formatters are kept per
 * locale, currency and precision, and each currency's scale per formatter. Apps use few of each,
 * so the maps stay small.
 */
const formatters = new Map<string, Intl.NumberFormat>();
const scales = new WeakMap<Intl.NumberFormat, number>();

/** The currency's own precision ("$9.50"), or from none up to `maxDigits` fraction digits. */
function formatter(locale: string, currency: string, maxDigits?: number): Intl.NumberFormat {
  return cachedIn(formatters, `${locale}|${currency}|${maxDigits}`, () =>
    new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(maxDigits !== undefined && { minimumFractionDigits: 0, maximumFractionDigits: maxDigits }),
    }),
  );
}

/**
 * `amount` in major units of `currency` (ISO 4217, e.g. "USD"), for `locale` (BCP 47, e.g.
 * "de-DE"). Throws `RangeError` for a malformed locale or currency code, as `Intl` does.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  const standard = formatter(locale, code);
  // 10 ** the currency's fraction digits: 100 for USD and EUR, 1 for JPY, 1000 for KWD.
  const scale = cachedIn(scales, standard, () => 10 ** standard.resolvedOptions().maximumFractionDigits!);
  const smallestUnits = Math.round(amount * scale);
  // Whole as displayed (so 9.999 USD, shown rounded to 10.00, also loses its ".00"), or below the
  // smallest unit and not zero: then as many digits as it takes.
  if (smallestUnits % scale !== 0) return standard.format(amount);
  return smallestUnits === 0 && amount !== 0
    ? formatter(locale, code, SUBUNIT_FRACTION_DIGITS).format(amount)
    : formatter(locale, code, 0).format(amount);
}
