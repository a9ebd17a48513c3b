import { describe, expect, it } from "vitest";
import type { Entitlement } from "../../../src/core/contract.js";
import { entitlementText } from "../../../src/core/paywall/entitlementText.js";
import { defaultPaywallTexts, resolveTexts } from "../../../src/core/paywall/texts.js";

const texts = defaultPaywallTexts;
const apiCalls: Entitlement = {
  featureId: "api-calls",
  displayName: "API calls",
  featureType: "NUMBER",
  units: "API call",
  unitsPlural: "API calls",
};

describe("entitlementText", () => {
  it("formats a limit for the locale, with units agreeing with it", () => {
    const limited = { ...apiCalls, usageLimit: 10000 };
    expect(entitlementText(limited, { locale: "en-US", texts })).toBe("10,000 API calls");
    expect(entitlementText(limited, { locale: "de-DE", texts })).toBe("10.000 API calls");
    expect(entitlementText({ ...apiCalls, usageLimit: 1 }, { locale: "en-US", texts })).toBe(
      "1 API call",
    );
  });

  it("names the feature when its units do not say what it is (\"GB\" of Storage)", () => {
    const storage: Entitlement = { featureId: "storage", displayName: "Storage", featureType: "NUMBER", units: "GB", unitsPlural: "GB" };
    expect(entitlementText({ ...storage, usageLimit: 50 }, { locale: "en-US", texts })).toBe("Storage: 50 GB");
    expect(entitlementText({ ...storage, isUnlimited: true }, { locale: "en-US", texts })).toBe("Storage: unlimited");
    const seats: Entitlement = { featureId: "seats", displayName: "Team seats", featureType: "NUMBER", units: "seat", unitsPlural: "seats", usageLimit: 5 };
    expect(entitlementText(seats, { locale: "en-US", texts })).toBe("5 seats");
  });

  it("names the feature when it has no units", () => {
    const projects: Entitlement = {
      featureId: "projects",
      displayName: "projects",
      featureType: "NUMBER",
      usageLimit: 5,
    };
    expect(entitlementText(projects, { locale: "en-US", texts })).toBe("5 projects");
  });

  it("says unlimited, or just the name for a feature without a limit", () => {
    const options = { locale: "en-US", texts };
    expect(entitlementText({ ...apiCalls, isUnlimited: true }, options)).toBe(
      "Unlimited API calls",
    );
    expect(entitlementText({ ...apiCalls, usageLimit: null }, options)).toBe("API calls");
    expect(
      entitlementText(
        { featureId: "sso", displayName: "Single sign-on", featureType: "BOOLEAN" },
        options,
      ),
    ).toBe("Single sign-on");
  });

  it("uses the given texts", () => {
    const german = resolveTexts({
      entitlementUnlimited: ({ units }) => `Unbegrenzte ${units}`,
      entitlementLimit: ({ limit, units }) => `${limit} ${units} inklusive`,
    });
    const options = { locale: "de-DE", texts: german };
    expect(entitlementText({ ...apiCalls, isUnlimited: true }, options)).toBe(
      "Unbegrenzte API calls",
    );
    expect(entitlementText({ ...apiCalls, usageLimit: 2500 }, options)).toBe(
      "2.500 API calls inklusive",
    );
  });

  it("an ENUM feature names the values the plan grants, or only the feature without them", () => {
    const region: Entitlement = { featureId: "region", displayName: "Region", featureType: "ENUM" };
    const options = { locale: "en-US", texts };
    expect(entitlementText({ ...region, enumValues: ["EU", "US"] }, options)).toBe("Region: EU, US");
    expect(entitlementText(region, options)).toBe("Region");
    expect(entitlementText({ ...region, enumValues: [] }, options)).toBe("Region");
    const german = resolveTexts({ entitlementValues: ({ name, list }) => `${name}: ${list.join(" und ")}` });
    expect(entitlementText({ ...region, enumValues: ["EU", "US"] }, { locale: "de-DE", texts: german })).toBe(
      "Region: EU und US",
    );
  });

  it("a NUMBER feature with no limit and not unlimited is just its name, never 0", () => {
    const seats: Entitlement = { featureId: "seats", displayName: "Seats", featureType: "NUMBER", units: "seat", unitsPlural: "seats" };
    const options = { locale: "en-US", texts };
    expect(entitlementText(seats, options)).toBe("Seats");
    expect(entitlementText({ ...seats, usageLimit: 0 }, options)).toBe("Seats");
    expect(entitlementText({ ...seats, usageLimit: 0, isUnlimited: true }, options)).toBe("Unlimited seats");
  });

  it("a feature the plan lists as not included is named without a number", () => {
    const sso: Entitlement = { featureId: "sso", displayName: "SSO", featureType: "NUMBER", usageLimit: 5, isGranted: false };
    expect(entitlementText(sso, { locale: "en-US", texts })).toBe("SSO");
  });
});
