/** The visible label of a plan's button, from its intent. */
import type { PlanIntent } from "./planIntent.js";
import { text, type ButtonTextArgs, type PaywallTexts } from "./texts.js";

type ButtonTextKey =
  | "startTrialButton"
  | "upgradeButton"
  | "downgradeButton"
  | "currentPlanButton"
  | "switchBillingPeriodButton"
  | "changeUnitQuantityButton"
  | "contactSalesButton"
  | "signUpButton";

const BUTTON_TEXTS: Record<PlanIntent, ButtonTextKey> = {
  START_TRIAL: "startTrialButton",
  UPGRADE: "upgradeButton",
  DOWNGRADE: "downgradeButton",
  CURRENT_PLAN: "currentPlanButton",
  SWITCH_BILLING_PERIOD: "switchBillingPeriodButton",
  CHANGE_UNIT_QUANTITY: "changeUnitQuantityButton",
  CONTACT_SALES: "contactSalesButton",
  SIGN_UP: "signUpButton",
};

export function planButtonLabel(
  intent: PlanIntent,
  args: ButtonTextArgs,
  texts: PaywallTexts,
): string {
  return text(texts[BUTTON_TEXTS[intent]], args);
}
