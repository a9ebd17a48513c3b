// The public API of react-upgrade-kit (the React library). This file only re-exports.
export * from "./core/contract.js";
export { UpgradeError, isUpgradeError, type UpgradeErrorCode, type UpgradeErrorOptions } from "./core/UpgradeError.js";
export {
  createUpgradeClient,
  DEFAULT_TIMEOUT_MS,
  type FetchLike,
  type RequestOptions,
  type ProvisionRequestOptions,
  type UpgradeClient,
  type UpgradeClientOptions,
} from "./core/httpClient.js";
export {
  checkCheckoutUrl,
  assertCheckoutUrl,
  STRIPE_CHECKOUT_HOST,
  type CheckoutUrlGuardOptions,
  type CheckoutUrlVerdict,
} from "./core/checkoutUrlGuard.js";
export { CHECKOUT_RETURN_PARAM, readReturnMarker, type CheckoutReturn } from "./core/returnMarker.js";
export { queryKeys } from "./core/queryKeys.js";
export { prefetchPlans, prefetchCustomer, type PrefetchOptions, type PrefetchQueryClient } from "./core/prefetch.js";
export { StiggProvider, type StiggProviderProps } from "./react/StiggProvider.js";
export {
  embeddedCheckout,
  type CheckoutDialogTexts,
  type EmbeddedCheckout,
  type EmbeddedCheckoutOptions,
} from "./react/embeddedCheckout.js";
export type { EmbeddedCheckoutOpener, EmbeddedCheckoutRequest, EmbeddedCheckoutSession } from "./core/checkoutController.js";
export type { PendingCheckout } from "./core/pendingCheckout.js";
export { useCheckoutStatus } from "./react/useCheckoutStatus.js";
export type { CheckoutState } from "./core/checkoutState.js";
export type { StripeLike, StripeSource, EmbeddedCheckoutInstance } from "./core/stripeLoader.js";
export { usePlans, type UsePlansOptions, type UsePlansResult, type QueryPassThroughOptions } from "./react/usePlans.js";
export { useCustomer, type UseCustomerOptions, type UseCustomerResult } from "./react/useCustomer.js";
export {
  useProvisionSubscription,
  type ProvisionSubscriptionInput,
  type ProvisionOutcome,
  type ProvisionStatus,
  type UseProvisionSubscriptionOptions,
  type UseProvisionSubscriptionResult,
} from "./react/useProvisionSubscription.js";
export { usePaywall, type UsePaywallOptions, type UsePaywallResult, type PaywallStatus, type PlanSelection } from "./react/usePaywall.js";
export { Paywall, type PaywallProps, type PlanRenderHelpers } from "./components/Paywall.js";
export { PlanCard, type PlanCardProps, type PlanLink } from "./components/PlanCard.js";
export { UpgradeButton, type UpgradeButtonProps, type UpgradeButtonState } from "./components/UpgradeButton.js";
export { Slot, type SlotProps } from "./components/Slot.js";
export type { PaywallClassNames, PaywallSlot } from "./components/paywallClassNames.js";
// The pure paywall logic, for apps that draw their own UI or test their catalog.
export {
  buildPaywallModel,
  defaultPaywallTexts,
  resolveTexts,
  formatMoney,
  priceText,
  planIntent,
  isActionable,
  PLAN_INTENTS,
  type AddonLine,
  type BillingPeriodOption,
  type ButtonTextArgs,
  type EntitlementLine,
  type PaywallModel,
  type PaywallModelInput,
  type PaywallTexts,
  type PlanCardModel,
  type PlanIntent,
  type PriceKind,
  type PriceText,
  type TextValue,
  type UnitQuantityModel,
} from "./core/paywall/index.js";
// Entitlements and the upgrade moment.
export { checkEntitlement, type EntitlementCheck } from "./core/entitlements/checkEntitlement.js";
export { planEntitlements } from "./core/entitlements/planEntitlements.js";
export { plansIncludingFeature, planIncludesFeature, type FeatureNeed } from "./core/entitlements/plansIncludingFeature.js";
export type { UpgradeKitRegister, FeatureId } from "./react/featureIds.js";
export { useEntitlement, type UseEntitlementOptions, type UseEntitlementResult } from "./react/useEntitlement.js";
export { FeatureGate, defaultFeatureGateTexts, type FeatureGateProps, type FeatureGateTexts } from "./components/FeatureGate.js";
export { PaywallDialog, type PaywallDialogProps } from "./components/PaywallDialog.js";
export { useUpgradePrompt, type UseUpgradePromptResult } from "./components/useUpgradePrompt.js";
