/** The Paywall's logic without React: what to show, in what order, with which texts. */
export { buildPaywallModel, createPaywallModelBuilder } from "./paywallModel.js";
export type {
  AddonLine,
  BillingPeriodOption,
  EntitlementLine,
  PaywallModel,
  PaywallModelInput,
  PlanCardModel,
  UnitQuantityModel,
} from "./paywallModel.js";

export { visiblePlans, sortPlans, isHiddenPlan } from "./visiblePlans.js";
export type { VisiblePlansOptions } from "./visiblePlans.js";

export {
  billingPeriodsOffered,
  defaultBillingPeriod,
  effectiveBillingPeriod,
} from "./billingPeriods.js";
export type { DefaultBillingPeriodInput } from "./billingPeriods.js";

export { annualSavingsPercent } from "./annualSavings.js";
export { formatMoney } from "./formatMoney.js";

export { defaultPaywallTexts, resolveTexts, text, billingPeriodName } from "./texts.js";
export type { ButtonTextArgs, PaywallTexts, TextValue } from "./texts.js";

export { pricePointsText, priceText } from "./priceText.js";
export type { PriceKind, PriceText, PriceTextOptions } from "./priceText.js";

export {
  PLAN_INTENTS,
  isActionable,
  planIntent,
} from "./planIntent.js";
export type { PlanIntent, PlanIntentInput } from "./planIntent.js";
export { planButtonLabel } from "./planButtonLabel.js";

export { currentSubscription, hasTrialAvailable, isLiveSubscription } from "../subscriptions.js";
export type { CurrentSubscription } from "../subscriptions.js";

export { periodPrices, planPrice, planOffersPeriod, planUnitPrice } from "./planPrice.js";
export type { PeriodPrices } from "./planPrice.js";
export { isOneOff, priceTotal, pricesTotal } from "./priceTotal.js";
export { firstTierPrice, tieredTotal } from "./tieredPrice.js";
export { entitlementText } from "./entitlementText.js";
export type { EntitlementTextOptions } from "./entitlementText.js";
export { clampUnitQuantity, unitQuantityRange } from "./unitQuantity.js";
export type { UnitQuantityRange } from "./unitQuantity.js";
