"use client";
/**
 * The headless paywall: everything <Paywall> renders, as data and actions, so an app can draw its
 * own. The decisions (order, prices, button intents, texts) come from the pure core model; this hook
 * only adds the data fetching and the user's choices (period, quantities, the clicked plan).
 */
import { replaceEqualDeep } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import type { BillingPeriod, Plan } from "../core/contract.js";
import { createPaywallModelBuilder, type PaywallModel, type PlanCardModel } from "../core/paywall/paywallModel.js";
import type { PlanIntent } from "../core/paywall/planIntent.js";
import { resolveTexts, type PaywallTexts } from "../core/paywall/texts.js";
import type { UpgradeError } from "../core/UpgradeError.js";
import type { CheckoutState } from "../core/checkoutState.js";
import { useCheckoutStatus } from "./useCheckoutStatus.js";
import { useCustomer } from "./useCustomer.js";
import { useLocale } from "./useLocale.js";
import { usePlans } from "./usePlans.js";
import { useProvisionSubscription, type ProvisionStatus } from "./useProvisionSubscription.js";

/** Intents that need the app (contact sales, sign up); provisioning carries out the actionable others. */
const NEEDS_APP: readonly PlanIntent[] = ["CONTACT_SALES", "SIGN_UP"];

export interface PlanSelection {
  plan: Plan;
  intent: PlanIntent;
  billingPeriod: BillingPeriod;
  unitQuantity: number | undefined;
}

export interface UsePaywallOptions {
  productId?: string;
  /** Plans never to show (besides those with `metadata.hidden: "true"`). */
  hiddenPlanIds?: readonly string[];
  highlightedPlanId?: string;
  /** Controlled billing period. */
  billingPeriod?: BillingPeriod;
  /** Initial billing period when uncontrolled. */
  defaultBillingPeriod?: BillingPeriod;
  onBillingPeriodChange?: (billingPeriod: BillingPeriod) => void;
  /** Take over what a plan's button does; without it the button provisions and follows checkout. */
  onPlanSelected?: (selection: PlanSelection) => void;
  /** Any visible text, as a string or a function of its arguments. */
  textOverrides?: Partial<PaywallTexts>;
  /** Locale for money and numbers; defaults to the provider's, else "en-US". */
  locale?: string;
}

export type PaywallStatus = "loading" | "error" | "empty" | "ready";

export interface UsePaywallResult {
  status: PaywallStatus;
  /** The computed paywall; null while loading or failed. */
  model: PaywallModel | null;
  texts: PaywallTexts;
  /** Why the plans or the customer could not be loaded. */
  loadError: UpgradeError | null;
  /** Refetches what failed. */
  retry: () => void;
  selectBillingPeriod: (billingPeriod: BillingPeriod) => void;
  setUnitQuantity: (planId: string, quantity: number) => void;
  /** What a card's button does: provisions, or hands the choice to `onPlanSelected`. */
  selectPlan: (card: PlanCardModel) => void;
  /** Whether `selectPlan` can do anything for this card (false for the current plan, or a
   * contact-sales / sign-up card when the app has not said how to handle it). */
  canSelect: (card: PlanCardModel) => boolean;
  /** The plan whose provision is running or redirecting, if any. */
  busyPlanId: string | null;
  /** The provision's state. */
  provisionStatus: ProvisionStatus;
  provisionError: UpgradeError | null;
  /** The plan of the last provision the paywall started (its error and success belong to that card). */
  provisionPlanId: string | null;
  /** After a checkout: "finalizing" until the bought plan is live, then "completed" or "unconfirmed". */
  checkoutStatus: CheckoutState["status"];
  /** Every plan button waits: a provision is running, a checkout is open, or one is finalizing. */
  locked: boolean;
}

export function usePaywall(options: UsePaywallOptions = {}): UsePaywallResult {
  const plans = usePlans({ productId: options.productId });
  const customer = useCustomer();
  const provision = useProvisionSubscription();
  const locale = useLocale(options.locale);
  const [pickedPeriod, setPickedPeriod] = useState<BillingPeriod | undefined>(undefined);
  const [unitQuantities, setUnitQuantities] = useState<Readonly<Record<string, number>>>({});
  // The plan of the last click that provisions: busy while that runs, and where its error shows.
  const [selectedPlanId, setSelectedPlanId] = useState<string | null>(null);

  const { textOverrides } = options;
  const texts = useMemo(() => resolveTexts(textOverrides), [textOverrides]);
  const billingPeriod = options.billingPeriod ?? pickedPeriod;

  // The builder recomputes only the cards whose inputs changed (one on a quantity change) and keeps
  // the others' objects. When shared inputs change identity but not content (inline textOverrides),
  // a rebuilt card equal to its predecessor still becomes that same object (react-query's structural
  // sharing). Either way the memoized PlanCards whose content did not change skip rendering.
  const [buildModel] = useState(createPaywallModelBuilder);
  const shownCards = useRef<PlanCardModel[]>([]);
  const model = useMemo(() => {
    if (!plans.data || customer.data === undefined) return null;
    const built = buildModel({
      plans: plans.data,
      customer: customer.data,
      productId: options.productId,
      hiddenPlanIds: options.hiddenPlanIds,
      billingPeriod,
      preferredBillingPeriod: options.defaultBillingPeriod,
      highlightedPlanId: options.highlightedPlanId,
      unitQuantities,
      locale,
      texts,
    });
    built.cards = shownCards.current = replaceEqualDeep(shownCards.current, built.cards);
    return built;
  }, [
    buildModel,
    plans.data,
    customer.data,
    options.productId,
    options.hiddenPlanIds,
    billingPeriod,
    options.defaultBillingPeriod,
    options.highlightedPlanId,
    unitQuantities,
    locale,
    texts,
  ]);

  const loadError = plans.error ?? customer.error;
  const status: PaywallStatus = model
    ? model.cards.length === 0
      ? "empty"
      : "ready"
    : loadError
      ? "error"
      : "loading";

  const { onBillingPeriodChange, onPlanSelected } = options;
  const selectBillingPeriod = useCallback(
    (period: BillingPeriod) => {
      setPickedPeriod(period);
      onBillingPeriodChange?.(period);
    },
    [onBillingPeriodChange],
  );

  const setUnitQuantity = useCallback((planId: string, quantity: number) => {
    setUnitQuantities((current) => (current[planId] === quantity ? current : { ...current, [planId]: quantity }));
  }, []);

  const canSelect = useCallback(
    (card: PlanCardModel) => card.actionable && (onPlanSelected !== undefined || !NEEDS_APP.includes(card.intent)),
    [onPlanSelected],
  );

  const modelPeriod = model?.billingPeriod;
  const { provisionSubscription } = provision;
  const selectPlan = useCallback(
    (card: PlanCardModel) => {
      if (!canSelect(card) || modelPeriod === undefined) return;
      const period = card.price.billingPeriod ?? modelPeriod;
      const unitQuantity = card.unitQuantity?.value;
      if (onPlanSelected) {
        onPlanSelected({ plan: card.plan, intent: card.intent, billingPeriod: period, unitQuantity });
        return;
      }
      // Not a transition: the request starts synchronously inside provisionSubscription anyway,
      // and the "busy" cards render at the end of this click. As a deferred transition, a slow
      // device could navigate to the checkout before ever showing the click took (seen in CI).
      setSelectedPlanId(card.plan.id);
      void provisionSubscription({
        planId: card.plan.id,
        // Free plans have no price points and so no period to send.
        ...(card.price.billingPeriod && { billingPeriod: card.price.billingPeriod }),
        ...(unitQuantity !== undefined && { unitQuantity }),
      });
    },
    [canSelect, modelPeriod, onPlanSelected, provisionSubscription],
  );

  const retry = () => {
    for (const read of [plans, customer]) if (read.isError) void read.refetch();
  };

  const checkout = useCheckoutStatus();
  // Not "checkout": the embedded dialog is modal, and its opener must stay focusable for the return.
  const provisionRunning = provision.status === "pending" || provision.status === "redirecting";
  return {
    status,
    model,
    texts,
    loadError,
    retry,
    selectBillingPeriod,
    setUnitQuantity,
    selectPlan,
    canSelect,
    busyPlanId: provisionRunning ? selectedPlanId : null,
    provisionStatus: provision.status,
    provisionError: provision.error,
    provisionPlanId: selectedPlanId,
    checkoutStatus: checkout.status,
    locked: provisionRunning || checkout.status === "finalizing",
  };
}
