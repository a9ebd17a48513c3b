import { describe, expect, it } from "vitest";
import { planButtonLabel } from "../../../src/core/paywall/planButtonLabel.js";
import type { PlanIntent } from "../../../src/core/paywall/planIntent.js";
import { defaultPaywallTexts, type PaywallTexts } from "../../../src/core/paywall/texts.js";

const args = { planName: "Pro", period: "ANNUALLY" as const, periodName: "Annually", units: "seats" };

describe("planButtonLabel", () => {
  it.each([
    ["START_TRIAL", "startTrialButton"],
    ["UPGRADE", "upgradeButton"],
    ["DOWNGRADE", "downgradeButton"],
    ["CURRENT_PLAN", "currentPlanButton"],
    ["SWITCH_BILLING_PERIOD", "switchBillingPeriodButton"],
    ["CHANGE_UNIT_QUANTITY", "changeUnitQuantityButton"],
    ["CONTACT_SALES", "contactSalesButton"],
    ["SIGN_UP", "signUpButton"],
  ] as const satisfies readonly (readonly [PlanIntent, keyof PaywallTexts])[])("%s reads the %s text, with the button's arguments", (intent, key) => {
    const texts: PaywallTexts = { ...defaultPaywallTexts, [key]: "{planName} / {periodName} / {units}" };
    expect(planButtonLabel(intent, args, texts)).toBe("Pro / Annually / seats");
    // And no other intent reads that text.
    expect(planButtonLabel(intent, args, defaultPaywallTexts)).not.toBe("Pro / Annually / seats");
  });

  it("the English defaults", () => {
    const labels = (["START_TRIAL", "UPGRADE", "DOWNGRADE", "CURRENT_PLAN", "SWITCH_BILLING_PERIOD", "CHANGE_UNIT_QUANTITY", "CONTACT_SALES", "SIGN_UP"] as const).map(
      (intent) => planButtonLabel(intent, args, defaultPaywallTexts),
    );
    expect(labels).toEqual(["Start free trial", "Upgrade", "Downgrade", "Current plan", "Switch to annual billing", "Update seats", "Contact sales", "Sign up"]);
  });
});
