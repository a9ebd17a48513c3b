/** The visible label of a plan's button, from its intent. */
import type { PlanIntent } from "./planIntent.js";
import { text, type ButtonTextArgs, type PaywallTexts } from "./texts.js";

/** "SWITCH_BILLING_PERIOD" → "switchBillingPeriod". */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}${Capitalize<CamelCase<Tail>>}`
  : Lowercase<S>;

/** Each intent's text is named after it: UPGRADE → `upgradeButton`, SIGN_UP → `signUpButton`. */
type ButtonTextKey = `${CamelCase<PlanIntent>}Button`;

// Every key exists in the texts table: a new intent without its text fails to compile here.
true satisfies ButtonTextKey extends keyof PaywallTexts ? true : false;

function buttonTextKey(intent: PlanIntent): ButtonTextKey {
  return `${intent.toLowerCase().replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase())}Button` as ButtonTextKey;
}

export function planButtonLabel(
  intent: PlanIntent,
  args: ButtonTextArgs,
  texts: PaywallTexts,
): string {
  return text(texts[buttonTextKey(intent)], args);
}
