/**
 * Money for display: `Intl.NumberFormat` currency style, without a ".00" tail on whole amounts
 * ("$10", "10 €"), and without hiding sub-cent usage prices ("$0.001", not "$0.00").
 */

/** The formatters for one locale and currency, built once and reused. */
interface MoneyFormatters {
  /** The currency's own precision: "$9.50". */
  standard: Intl.NumberFormat;
  /** No fraction digits: "$10". */
  whole: Intl.NumberFormat;
  /** Up to SUBUNIT_FRACTION_DIGITS, built on first need: "$0.001". */
  subunit: Intl.NumberFormat | undefined;
  /** 10 ** the currency's fraction digits: 100 for USD and EUR, 1 for JPY, 1000 for KWD. */
  scale: number;
}

/** Digits shown for amounts below the currency's smallest unit, e.g. per-API-call prices. */
const SUBUNIT_FRACTION_DIGITS = 6;

/**
 * Building a formatter is costly and this runs per card per render, so formatters are kept per
 * locale and currency. Apps use few of each, so the map stays small.
 */
const cache = new Map<string, MoneyFormatters>();

function formattersFor(locale: string, currency: string): MoneyFormatters {
  const key = `${locale}|${currency}`;
  let formatters = cache.get(key);
  if (!formatters) {
    const standard = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters = {
      standard,
      whole: new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      }),
      subunit: undefined,
      scale: 10 ** (standard.resolvedOptions().maximumFractionDigits ?? 2),
    };
    cache.set(key, formatters);
  }
  return formatters;
}

function subunitFormatter(locale: string, currency: string, formatters: MoneyFormatters) {
  formatters.subunit ??= new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    maximumFractionDigits: SUBUNIT_FRACTION_DIGITS,
  });
  return formatters.subunit;
}

/**
 * `amount` in major units of `currency` (ISO 4217, e.g. "USD"), for `locale` (BCP 47, e.g.
 * "de-DE"). Throws `RangeError` for a malformed locale or currency code, as `Intl` does.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  const formatters = formattersFor(locale, code);
  const { scale } = formatters;
  const smallestUnits = Math.round(amount * scale);

  // Whole as displayed, so 9.999 USD (shown rounded to 10.00) also loses its ".00".
  if (smallestUnits % scale === 0) {
    if (smallestUnits === 0 && amount !== 0) {
      return subunitFormatter(locale, code, formatters).format(amount);
    }
    return formatters.whole.format(smallestUnits / scale);
  }
  return formatters.standard.format(amount);
}
