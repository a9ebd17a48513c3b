/**
 * A plan's price as a card shows it: the main figure, its period and unit, and the notes under
 * it, each a ready string, plus `label`, the same on one line.
 */
import type { BillingPeriod, Plan, Price } from "../contract.js";
import { formatMoney } from "./formatMoney.js";
import { planOffersPeriod, planPrice } from "./planPrice.js";
import { priceUnits, unitsFor } from "./priceUnits.js";
import { text, type PaywallTexts } from "./texts.js";
import { clampUnitQuantity, unitQuantityRange } from "./unitQuantity.js";

export type PriceKind = "free" | "flat" | "perUnit" | "usageBased" | "custom";

export interface PriceText {
  kind: PriceKind;
  /** The main figure: "$10", or "Free" / "Custom pricing". */
  amount: string;
  /** "/ month", "/ year"; empty when the price has no period to show (free, custom, usage). */
  period: string;
  /** "per seat" for per-unit and usage-based prices. */
  unit?: string;
  /** "billed annually ($96)" under an annual price shown per month; "billed by usage". */
  note?: string;
  /** A per-unit price times the chosen quantity: "$50 / month for 5 seats". */
  total?: string;
  /** `amount`, `unit` and `period` on one line: "$10 per seat / month". */
  label: string;
  /** The price point shown, absent for free and custom plans. */
  price?: Price;
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
  const price = plan.pricingType === "PAID" ? planPrice(plan, billingPeriod) : undefined;
  // A PAID plan without price points cannot be bought from the paywall: show it like CUSTOM.
  if (!price) return fixedPrice("custom", text(texts.custom));
  return paidPrice(plan, price, options);
}

function fixedPrice(kind: "free" | "custom", amount: string): PriceText {
  return { kind, amount, period: "", label: amount };
}

function paidPrice(plan: Plan, price: Price, options: PriceTextOptions): PriceText {
  const { locale, texts } = options;
  const money = (amount: number) => formatMoney(amount, price.currency, locale);
  const base = { price, billingPeriod: price.billingPeriod };

  if (price.pricingModel === "USAGE_BASED") {
    // Usage is charged as it accrues, so neither a period nor a per-month conversion applies.
    const amount = money(price.amount);
    const unit = text(texts.perUnit, { unit: priceUnits(price, texts).singular });
    return {
      ...base,
      kind: "usageBased",
      amount,
      period: "",
      unit,
      note: text(texts.usageBased),
      label: `${amount} ${unit}`,
    };
  }

  // An annual price sits next to monthly ones as a per-month figure, so cards compare at a glance;
  // a plan sold annually only keeps its yearly figure rather than look monthly-billed.
  const perMonth =
    price.billingPeriod === "MONTHLY" ||
    (price.billingPeriod === "ANNUALLY" && planOffersPeriod(plan, "MONTHLY"));
  const monthsBilled = price.billingPeriod === "ANNUALLY" && perMonth ? 12 : 1;
  const amount = money(price.amount / monthsBilled);
  const period = text(perMonth ? texts.perMonth : texts.perYear);

  if (price.pricingModel === "FLAT_FEE") {
    return {
      ...base,
      kind: "flat",
      amount,
      period,
      ...(monthsBilled === 12 && {
        note: text(texts.billedAnnually, { total: money(price.amount) }),
      }),
      label: `${amount} ${period}`,
    };
  }

  const units = priceUnits(price, texts);
  const unit = text(texts.perUnit, { unit: units.singular });
  const quantity =
    options.unitQuantity === undefined
      ? undefined
      : clampUnitQuantity(options.unitQuantity, unitQuantityRange(price));
  const annualTotal =
    quantity === undefined ? `${money(price.amount)} ${unit}` : money(price.amount * quantity);
  return {
    ...base,
    kind: "perUnit",
    amount,
    period,
    unit,
    ...(monthsBilled === 12 && { note: text(texts.billedAnnually, { total: annualTotal }) }),
    ...(quantity !== undefined && {
      total: text(texts.totalForQuantity, {
        total: `${money((price.amount * quantity) / monthsBilled)} ${period}`,
        quantity,
        units: unitsFor(quantity, units),
      }),
    }),
    label: `${amount} ${unit} ${period}`,
  };
}
