import { describe, expect, it } from "vitest";
import { pricePointsText, priceText, type PriceTextOptions } from "../../../src/core/paywall/priceText.js";
import { defaultPaywallTexts, resolveTexts } from "../../../src/core/paywall/texts.js";
import type { Plan } from "../../../src/core/contract.js";
import { NBSP, apiUsage, basic, enterprise, free, inEuros, plan, price, team } from "./fixtures.js";
import { businessBlocks, lifetime, onboarding, scaleTiers, seatPrice, teamFlatPlusSeats } from "./stiggPricingFixtures.js";

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
      prices: [priced(basic, currency).pricePoints[0]],
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

describe("priceText: prices of a period add up", () => {
  const options: PriceTextOptions = { locale: "en-US", texts };

  it("a flat fee plus a per-seat price: both figures, and a total of flat + seats × unit", () => {
    const shown = priceText(teamFlatPlusSeats, "MONTHLY", { ...options, unitQuantity: 7 });
    expect(shown).toMatchObject({
      kind: "perUnit",
      amount: "$20 + $8",
      unit: "per seat",
      period: "/ month",
      label: "$20 + $8 per seat / month",
      total: "$76 / month for 7 seats",
    });
    expect(shown.prices).toHaveLength(2);
  });

  it("annually: both figures per month, and the year's total for the seats", () => {
    expect(priceText(teamFlatPlusSeats, "ANNUALLY", options)).toMatchObject({
      label: "$16.67 + $6.67 per seat / month",
      note: "billed annually ($200 + $80 per seat)",
    });
    expect(priceText(teamFlatPlusSeats, "ANNUALLY", { ...options, unitQuantity: 3 })).toMatchObject({
      note: "billed annually ($440)",
      total: "$36.67 / month for 3 seats",
    });
  });

  it("a price per block of seats names the block and charges whole blocks", () => {
    expect(priceText(businessBlocks, "MONTHLY", options).label).toBe("$40 per 5 seats / month");
    expect(priceText(businessBlocks, "MONTHLY", { ...options, unitQuantity: 6 }).total).toBe("$80 / month for 6 seats");
    expect(priceText(businessBlocks, "MONTHLY", { ...options, unitQuantity: 5 }).total).toBe("$40 / month for 5 seats");
  });

  it("a tiered price starts from its first tier, and totals by its tiers", () => {
    const volume = priceText(scaleTiers("VOLUME"), "MONTHLY", { ...options, unitQuantity: 11 });
    expect(volume).toMatchObject({ kind: "perUnit", label: "From $10 per seat / month", total: "$108 / month for 11 seats" });
    expect(priceText(scaleTiers("GRADUATED"), "MONTHLY", { ...options, unitQuantity: 11 }).total).toBe(
      "$128 / month for 11 seats",
    );
  });

  it("a tiered price whose first tier is priced as a whole starts from that flat price", () => {
    const flatFirst = plan({
      id: "p",
      pricePoints: [seatPrice({ amount: 50, tiersMode: "VOLUME", tiers: [{ upTo: 10, flatPrice: 50 }, { unitPrice: 4 }] })],
    });
    expect(priceText(flatFirst, "MONTHLY", options).label).toBe("From $50 / month");
  });

  it("a one-off fee is never per period: shown beside the recurring price, and out of its total", () => {
    const withSetup = plan({
      id: "p",
      pricePoints: [price({ amount: 20 }), price({ amount: 100, billingCadence: "ONE_OFF" })],
    });
    expect(priceText(withSetup, "MONTHLY", options)).toMatchObject({
      kind: "flat",
      label: "$20 / month",
      oneOff: "+ $100 one-time",
    });
    // Listed under one period only, it is still charged at the other.
    expect(priceText({ ...withSetup, pricePoints: [...withSetup.pricePoints, price({ billingPeriod: "ANNUALLY", amount: 200 })] }, "ANNUALLY", options))
      .toMatchObject({ note: "billed annually ($200)", oneOff: "+ $100 one-time" });
  });

  it("a plan priced only once shows its price one-time", () => {
    expect(priceText(lifetime, "MONTHLY", options)).toMatchObject({ kind: "oneOff", label: "$299 one-time", period: "one-time" });
    expect(priceText(lifetime, "ANNUALLY", options).label).toBe("$299 one-time");
  });

  it("a usage price beside a flat fee is shown as billed by usage, out of the total", () => {
    const flatPlusUsage = plan({
      id: "p",
      pricePoints: [
        price({ amount: 20 }),
        price({ pricingModel: "USAGE_BASED", amount: 0.01, feature: { featureId: "calls", units: "call" } }),
      ],
    });
    expect(priceText(flatPlusUsage, "MONTHLY", options)).toMatchObject({
      label: "$20 / month",
      usage: "+ $0.01 per call, billed by usage",
    });
  });

  it("the new texts can be overridden like the others", () => {
    const german = resolveTexts({
      perMonth: "/ Monat",
      perUnit: "je {unit}",
      flatPlusUnit: "{flat} zzgl. {unit}",
      perBlock: "je {size} {units}",
      fromPrice: "ab {amount}",
      oneTime: "einmalig",
    });
    const de = { locale: "de-DE", texts: german };
    expect(priceText(inEuros(teamFlatPlusSeats), "MONTHLY", de).label).toBe(`20${NBSP}€ zzgl. 8${NBSP}€ je seat / Monat`);
    expect(priceText(businessBlocks, "MONTHLY", de).label).toBe(`40${NBSP}$ je 5 seats / Monat`);
    expect(priceText(scaleTiers("VOLUME"), "MONTHLY", de).label).toBe(`ab 10${NBSP}$ je seat / Monat`);
    expect(priceText(lifetime, "MONTHLY", de).label).toBe(`299${NBSP}$ einmalig`);
  });
});

describe("pricePointsText", () => {
  it("prices an add-on like a plan", () => {
    expect(pricePointsText(onboarding.pricePoints, "MONTHLY", { locale: "en-US", texts })?.label).toBe("$100 one-time");
    expect(pricePointsText([], "MONTHLY", { locale: "en-US", texts })).toBeUndefined();
  });
});
