import { describe, expect, it } from "vitest";
import { priceText, type PriceTextOptions } from "../../../src/core/paywall/priceText.js";
import { defaultPaywallTexts, resolveTexts } from "../../../src/core/paywall/texts.js";
import type { Plan } from "../../../src/core/contract.js";
import { NBSP, apiUsage, basic, enterprise, free, inEuros, plan, price, team } from "./fixtures.js";

const texts = defaultPaywallTexts;

/** Each locale and currency, with how that locale writes an amount in it. */
const markets = [
  { locale: "en-US", currency: "USD", money: (n: string) => `$${n}`, decimal: "." },
  { locale: "en-US", currency: "EUR", money: (n: string) => `€${n}`, decimal: "." },
  { locale: "de-DE", currency: "USD", money: (n: string) => `${n}${NBSP}$`, decimal: "," },
  { locale: "de-DE", currency: "EUR", money: (n: string) => `${n}${NBSP}€`, decimal: "," },
] as const;

const priced = (source: Plan, currency: string) => (currency === "EUR" ? inEuros(source) : source);

describe.each(markets)("priceText in $locale, $currency", (market) => {
  const { locale, currency, money, decimal } = market;
  const options: PriceTextOptions = { locale, texts };

  it("shows a flat monthly price", () => {
    expect(priceText(priced(basic, currency), "MONTHLY", options)).toEqual({
      kind: "flat",
      amount: money("10"),
      period: "/ month",
      label: `${money("10")} / month`,
      price: priced(basic, currency).pricePoints[0],
      billingPeriod: "MONTHLY",
    });
  });

  it("shows an annual price per month, with the annual total in a note", () => {
    const shown = priceText(priced(basic, currency), "ANNUALLY", options);
    expect(shown).toMatchObject({
      kind: "flat",
      amount: money("8"),
      period: "/ month",
      note: `billed annually (${money("96")})`,
      label: `${money("8")} / month`,
      billingPeriod: "ANNUALLY",
    });
  });

  it("shows a per-seat price, and its total for the chosen seats", () => {
    expect(priceText(priced(team, currency), "MONTHLY", options)).toMatchObject({
      kind: "perUnit",
      amount: money("12"),
      unit: "per seat",
      period: "/ month",
      label: `${money("12")} per seat / month`,
    });
    expect(
      priceText(priced(team, currency), "MONTHLY", { ...options, unitQuantity: 5 }).total,
    ).toBe(`${money("60")} / month for 5 seats`);
  });

  it("shows an annual per-seat price per month, billed annually for the seats", () => {
    const perSeat = priceText(priced(team, currency), "ANNUALLY", options);
    expect(perSeat).toMatchObject({
      amount: money("10"),
      label: `${money("10")} per seat / month`,
      note: `billed annually (${money("120")} per seat)`,
    });
    expect(perSeat.total).toBeUndefined();

    const fiveSeats = priceText(priced(team, currency), "ANNUALLY", {
      ...options,
      unitQuantity: 5,
    });
    expect(fiveSeats.note).toBe(`billed annually (${money("600")})`);
    expect(fiveSeats.total).toBe(`${money("50")} / month for 5 seats`);
  });

  it("shows a usage price per unit, without a period", () => {
    expect(priceText(priced(apiUsage, currency), "MONTHLY", options)).toMatchObject({
      kind: "usageBased",
      amount: money(`0${decimal}01`),
      period: "",
      unit: "per call",
      note: "billed by usage",
      label: `${money(`0${decimal}01`)} per call`,
    });
  });

  it("shows a price that is not whole with its cents", () => {
    const annual100 = plan({
      id: "p",
      pricePoints: [
        price({ amount: 10, currency }),
        price({ billingPeriod: "ANNUALLY", amount: 100, currency }),
      ],
    });
    expect(priceText(annual100, "ANNUALLY", options).label).toBe(
      `${money(`8${decimal}33`)} / month`,
    );
  });
});

describe("priceText", () => {
  const options: PriceTextOptions = { locale: "en-US", texts };

  it("shows FREE and CUSTOM plans by name, with no period", () => {
    expect(priceText(free, "MONTHLY", options)).toEqual({
      kind: "free",
      amount: "Free",
      period: "",
      label: "Free",
    });
    expect(priceText(enterprise, "ANNUALLY", options)).toEqual({
      kind: "custom",
      amount: "Custom pricing",
      period: "",
      label: "Custom pricing",
    });
  });

  it("shows a plan sold only annually per year", () => {
    const annualOnly = plan({
      id: "p",
      pricePoints: [price({ billingPeriod: "ANNUALLY", amount: 96 })],
    });
    const shown = priceText(annualOnly, "ANNUALLY", options);
    expect(shown.label).toBe("$96 / year");
    expect(shown.note).toBeUndefined();
    // Asked for monthly, it falls back to the price it has.
    expect(priceText(annualOnly, "MONTHLY", options)).toMatchObject({
      label: "$96 / year",
      billingPeriod: "ANNUALLY",
    });
  });

  it("falls back to the monthly price of a plan sold only monthly", () => {
    expect(priceText(apiUsage, "ANNUALLY", options).label).toBe("$0.01 per call");
    const monthlyOnly = plan({ id: "p", pricePoints: [price({ amount: 15 })] });
    expect(priceText(monthlyOnly, "ANNUALLY", options)).toMatchObject({
      label: "$15 / month",
      billingPeriod: "MONTHLY",
    });
  });

  it("shows a PAID plan without any price like a custom one", () => {
    expect(priceText(plan({ id: "p" }), "MONTHLY", options).label).toBe("Custom pricing");
  });

  it("names units generically when the price's feature has none", () => {
    const perUnit = plan({
      id: "p",
      pricePoints: [price({ pricingModel: "PER_UNIT", amount: 3 })],
    });
    const shown = priceText(perUnit, "MONTHLY", { ...options, unitQuantity: 1 });
    expect(shown.label).toBe("$3 per unit / month");
    expect(shown.total).toBe("$3 / month for 1 unit");
  });

  it("keeps the chosen quantity within the price's bounds", () => {
    expect(priceText(team, "MONTHLY", { ...options, unitQuantity: 1 }).total).toBe(
      "$24 / month for 2 seats",
    );
    expect(priceText(team, "MONTHLY", { ...options, unitQuantity: 80 }).total).toBe(
      "$600 / month for 50 seats",
    );
  });

  it("uses the given texts", () => {
    const german = resolveTexts({
      perMonth: "/ Monat",
      perUnit: ({ unit }) => `pro ${unit}`,
      billedAnnually: ({ total }) => `jährlich abgerechnet (${total})`,
    });
    const platz = { featureId: "seats", units: "Platz", unitsPlural: "Plätze" };
    const germanTeam: Plan = {
      ...team,
      pricePoints: inEuros(team).pricePoints.map((point) => ({ ...point, feature: platz })),
    };
    expect(priceText(germanTeam, "ANNUALLY", { locale: "de-DE", texts: german })).toMatchObject({
      label: `10${NBSP}€ pro Platz / Monat`,
      note: `jährlich abgerechnet (120${NBSP}€ pro Platz)`,
    });
  });
});
