/** The visible label of a plan's button, from its intent. */
import type { PlanIntent } from "./planIntent.js";
import { text, type ButtonTextArgs, type PaywallTexts } from "./texts.js";

/** Which text each intent's button reads. A new intent without its text fails to compile here. */
const BUTTON_TEXTS = {
  START_TRIAL: "startTrialButton",
  UPGRADE: "upgradeButton",
  DOWNGRADE: "downgradeButton",
  CURRENT_PLAN: "currentPlanButton",
  SWITCH_BILLING_PERIOD: "switchBillingPeriodButton",
  CHANGE_UNIT_QUANTITY: "changeUnitQuantityButton",
  CONTACT_SALES: "contactSalesButton",
  SIGN_UP: "signUpButton",
} as const satisfies Record<PlanIntent, keyof PaywallTexts>;

export function planButtonLabel(
  intent: PlanIntent,
  args: ButtonTextArgs,
  texts: PaywallTexts,
): string {
  return text(texts[BUTTON_TEXTS[intent]], args);
}
