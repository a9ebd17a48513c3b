import { describe, expect, it } from "vitest";
import { formatMoney } from "../../../src/core/paywall/formatMoney.js";
import { NBSP } from "./fixtures.js";

describe("formatMoney", () => {
  it.each([
    [10, "USD", "en-US", "$10"],
    [10, "EUR", "en-US", "€10"],
    [10, "USD", "de-DE", `10${NBSP}$`],
    [10, "EUR", "de-DE", `10${NBSP}€`],
  ])("drops .00 from a whole amount: %s %s in %s → %s", (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  it.each([
    [9.5, "USD", "en-US", "$9.50"],
    [9.5, "EUR", "en-US", "€9.50"],
    [9.5, "USD", "de-DE", `9,50${NBSP}$`],
    [9.5, "EUR", "de-DE", `9,50${NBSP}€`],
    [1234.5, "USD", "en-US", "$1,234.50"],
    [1234.5, "EUR", "de-DE", `1.234,50${NBSP}€`],
  ])("keeps cents on a fractional amount: %s %s in %s → %s", (amount, currency, locale, want) => {
    expect(formatMoney(amount, currency, locale)).toBe(want);
  });

  it("groups thousands of whole amounts per locale", () => {
    expect(formatMoney(12000, "USD", "en-US")).toBe("$12,000");
    expect(formatMoney(12000, "EUR", "de-DE")).toBe(`12.000${NBSP}€`);
  });

  it("drops .00 when an amount rounds to whole at the currency's precision", () => {
    expect(formatMoney(9.999, "USD", "en-US")).toBe("$10");
    expect(formatMoney(100 / 12, "USD", "en-US")).toBe("$8.33");
  });

  it("shows a sub-cent usage price instead of $0.00", () => {
    expect(formatMoney(0.001, "USD", "en-US")).toBe("$0.001");
    expect(formatMoney(0.0015, "EUR", "de-DE")).toBe(`0,0015${NBSP}€`);
    expect(formatMoney(0, "USD", "en-US")).toBe("$0");
  });

  it("follows the currency's own precision and accepts a lower-case code", () => {
    expect(formatMoney(1234.5, "JPY", "en-US")).toBe("¥1,235");
    expect(formatMoney(10, "usd", "en-US")).toBe("$10");
  });

  it("builds its formatters once per locale and currency, however often it is called", () => {
    const NumberFormat = Intl.NumberFormat;
    let constructed = 0;
    Intl.NumberFormat = new Proxy(NumberFormat, {
      construct(target, args: ConstructorParameters<typeof NumberFormat>) {
        constructed += 1;
        return new target(...args);
      },
    });
    try {
      for (let i = 0; i < 5; i += 1) {
        expect(formatMoney(10, "CHF", "fr-CH")).toBe(`10${NBSP}CHF`);
        expect(formatMoney(10.5, "CHF", "fr-CH")).toBe(`10.50${NBSP}CHF`);
      }
    } finally {
      Intl.NumberFormat = NumberFormat;
    }
    // The standard one (which also gives the currency's precision) and the whole-amount one.
    expect(constructed).toBe(2);
  });
});
