/**
 * A plan's price as a card shows it: the main figure, its period and unit, and the notes under
 * it, each a ready string, plus `label`, the same on one line. A period's prices add up, as they
 * are charged: a flat fee and a per-seat price read "$20 + $8 per seat / month".
 */
import type { BillingPeriod, Plan, Price } from "../contract.js";
import { formatMoney } from "./formatMoney.js";
import { periodPrices, planOffersPeriod } from "./planPrice.js";
import { pricesTotal } from "./priceTotal.js";
import { priceUnits, unitsFor } from "./priceUnits.js";
import { firstTierPrice } from "./tieredPrice.js";
import { text, type PaywallTexts } from "./texts.js";
import { clampUnitQuantity, unitQuantityRange } from "./unitQuantity.js";

/** "perUnit": a per-unit price, with or without a flat fee next to it; "oneOff": charged once only. */
export type PriceKind = "free" | "flat" | "perUnit" | "usageBased" | "oneOff" | "custom";

export interface PriceText {
  kind: PriceKind;
  /** The main figure: "$10", "$20 + $8", "From $10", or "Free" / "Custom pricing". */
  amount: string;
  /** "/ month", "/ year", "one-time"; empty when there is no period to show (free, custom, usage). */
  period: string;
  /** "per seat", "per 5 seats" for per-unit and usage-based prices. */
  unit?: string;
  /** "billed annually ($96)" under an annual price shown per month; "billed by usage". */
  note?: string;
  /** The period's prices for the chosen quantity: "$76 / month for 7 seats". */
  total?: string;
  /** A one-off fee on top of a recurring price: "+ $100 one-time". */
  oneOff?: string;
  /** A usage-based price on top of others: "+ $0.01 per call, billed by usage". */
  usage?: string;
  /** `amount`, `unit` and `period` on one line: "$10 per seat / month". */
  label: string;
  /** The main price point shown, absent for free and custom plans. */
  price?: Price;
  /** Every price point shown: the period's recurring ones, then one-off ones. */
  prices?: Price[];
  /** The period of `price`, which is not the one asked for when the plan lacks that one. */
  billingPeriod?: BillingPeriod;
}

export interface PriceTextOptions {
  /** BCP 47 locale for money, e.g. "en-US". */
  locale: string;
  texts: PaywallTexts;
  /** Units chosen for a per-unit plan; gives `total`, and `note` for that many units. */
  unitQuantity?: number;
}

export function priceText(
  plan: Plan,
  billingPeriod: BillingPeriod,
  options: PriceTextOptions,
): PriceText {
  const { texts } = options;
  if (plan.pricingType === "FREE") return fixedPrice("free", text(texts.free));
  const shown = plan.pricingType === "PAID" ? pricePointsText(plan.pricePoints, billingPeriod, options) : undefined;
  // A PAID plan without price points cannot be bought from the paywall: show it like CUSTOM.
  return shown ?? fixedPrice("custom", text(texts.custom));
}

function fixedPrice(kind: "free" | "custom", amount: string): PriceText {
  return { kind, amount, period: "", label: amount };
}

/** The price text of any list of price points (a plan's, an add-on's); `undefined` for none. */
export function pricePointsText(
  pricePoints: readonly Price[],
  billingPeriod: BillingPeriod,
  options: PriceTextOptions,
): PriceText | undefined {
  const prices = periodPrices(pricePoints, billingPeriod);
  if (!prices) return undefined;
  const { locale, texts } = options;
  const money = (amount: number) => formatMoney(amount, prices.currency, locale);
  const { recurring, oneOff } = prices;
  const usage = recurring.filter((price) => price.pricingModel === "USAGE_BASED");
  const charged = recurring.filter((price) => price.pricingModel !== "USAGE_BASED");
  const main = charged.length > 0 ? charged : usage.length > 0 ? [] : oneOff;
  const all = [...recurring, ...oneOff];
  const base = { price: all[0]!, prices: all, billingPeriod: prices.billingPeriod };
  const oneOffText = main !== oneOff && oneOff.length > 0
    ? { oneOff: text(texts.oneOffFee, { price: joinParts(figures(oneOff, 1, money, texts)) }) }
    : {};

  if (main.length === 0) {
    // Usage only: charged as it accrues, so neither a period nor a per-month conversion applies.
    const { amount, unit } = figures(usage.slice(0, 1), 1, money, texts);
    return {
      ...base,
      kind: "usageBased",
      amount,
      period: "",
      unit,
      note: text(texts.usageBased),
      ...oneOffText,
      label: joinParts({ amount, unit }),
    };
  }

  const isRecurring = main !== oneOff;
  // An annual price sits next to monthly ones as a per-month figure, so cards compare at a glance;
  // a plan sold annually only keeps its yearly figure rather than look monthly-billed.
  const perMonth =
    isRecurring &&
    (prices.billingPeriod === "MONTHLY" || planOffersPeriod({ pricePoints }, "MONTHLY"));
  const monthsBilled = isRecurring && prices.billingPeriod === "ANNUALLY" && perMonth ? 12 : 1;
  const period = text(!isRecurring ? texts.oneTime : perMonth ? texts.perMonth : texts.perYear);
  const shown = figures(main, monthsBilled, money, texts);

  const unitPrice = main.find((price) => price.pricingModel === "PER_UNIT");
  const quantity =
    unitPrice === undefined || options.unitQuantity === undefined
      ? undefined
      : clampUnitQuantity(options.unitQuantity, unitQuantityRange(unitPrice));
  const periodTotal = pricesTotal(main, quantity ?? 1);
  // The yearly figure: for the chosen quantity, else the prices themselves ("$200 + $80 per seat").
  const billedAnnually =
    quantity === undefined && unitPrice ? joinParts(figures(main, 1, money, texts)) : money(periodTotal);

  return {
    ...base,
    kind: unitPrice ? "perUnit" : isRecurring ? "flat" : "oneOff",
    ...shown,
    period,
    ...(monthsBilled === 12 && { note: text(texts.billedAnnually, { total: billedAnnually }) }),
    ...(quantity !== undefined && {
      total: text(texts.totalForQuantity, {
        total: `${money(periodTotal / monthsBilled)} ${period}`,
        quantity,
        units: unitsFor(quantity, priceUnits(unitPrice!, texts)),
      }),
    }),
    ...oneOffText,
    ...(usage.length > 0 && {
      usage: text(texts.usageOnTop, { price: joinParts(figures(usage.slice(0, 1), 1, money, texts)) }),
    }),
    label: joinParts({ amount: shown.amount, unit: shown.unit, period }),
  };
}

interface Figures {
  amount: string;
  unit?: string;
}

/**
 * The figures of prices that add up, each divided by `divisor` (12 for an annual price shown per
 * month): the flat fees summed, then the first per-unit (or usage) price, "$20 + $8" and "per
 * seat". A tiered price shows where it starts ("From $10"), a block price its block ("per 5 seats").
 */
function figures(
  prices: readonly Price[],
  divisor: number,
  money: (amount: number) => string,
  texts: PaywallTexts,
): Figures {
  const flats = prices.filter((price) => price.pricingModel === "FLAT_FEE");
  const flat = flats.reduce((sum, price) => sum + price.amount, 0) / divisor;
  const perUnit = prices.find((price) => price.pricingModel !== "FLAT_FEE");
  if (!perUnit) return { amount: money(flat) };

  const units = priceUnits(perUnit, texts);
  const tier = perUnit.tiers && perUnit.tiers.length > 0 ? firstTierPrice(perUnit.tiers) : undefined;
  const figure = tier
    ? text(texts.fromPrice, { amount: money(tier.amount / divisor) })
    : money(perUnit.amount / divisor);
  // A tier priced as a whole ("From $50" for the first 10 seats) is not per seat.
  const unit = tier && !tier.isPerUnit
    ? undefined
    : perUnit.blockSize && perUnit.blockSize > 1
      ? text(texts.perBlock, { size: perUnit.blockSize, units: units.plural })
      : text(texts.perUnit, { unit: units.singular });
  // A zero flat fee next to a unit price says nothing ("$0 + $8").
  const amount = flat > 0 ? text(texts.flatPlusUnit, { flat: money(flat), unit: figure }) : figure;
  return unit === undefined ? { amount } : { amount, unit };
}

function joinParts(parts: Figures & { period?: string }): string {
  return [parts.amount, parts.unit, parts.period].filter(Boolean).join(" ");
}
