/**
 * What happens after the backend answered a provision: refresh the customer on SUCCESS, or follow
 * the checkout on PAYMENT_REQUIRED (embedded dialog when the app opted in, else the hosted page,
 * after checking its URL and remembering the intent for the return).
 *
 * In the first load with the hook, not imported lazily: in every engine a dynamic import that
 * failed once (a network blip at the click) keeps failing for the page's life, so a lazy click
 * path would leave every later click failing until a reload.
 */
import { assertCheckoutUrl } from "../core/checkoutUrlGuard.js";
import { saveCheckoutIntent, sessionStorageOrUndefined, type CheckoutIntent } from "../core/checkoutIntent.js";
import type { ProvisionSubscriptionParams } from "../core/contract.js";
import { queryKeys } from "../core/queryKeys.js";
import type { UpgradeContextValue } from "./UpgradeContext.js";
import type { ProvisionOutcome, UseProvisionSubscriptionOptions } from "./useProvisionSubscription.js";

/** What the calling hook lends the follow-through. */
export interface FollowThroughHooks {
  /** The element that had focus at the click: the embedded dialog returns focus there. */
  opener: Element | null;
  /** The embedded checkout dialog opened. */
  onCheckoutOpen: () => void;
  /** The page came back from the bfcache after the redirect: nothing is running any more. */
  onPageRestored: () => void;
}

export async function followProvision(
  params: ProvisionSubscriptionParams,
  context: UpgradeContextValue,
  options: UseProvisionSubscriptionOptions,
  hooks: FollowThroughHooks,
): Promise<ProvisionOutcome> {
  const { result, idempotencyKey } = await context.coordinator.provision(params);
  const outcome = (how?: "redirected" | "embedded", paid = false): ProvisionOutcome => ({
    result,
    redirected: how === "redirected",
    embedded: how === "embedded",
    paid,
  });
  if (result.status === "SUCCESS") {
    // Wait for the fresh customer so "success" is never shown next to the old plan.
    await context.queryClient.invalidateQueries({ queryKey: queryKeys.all(context.endpoint) });
    return outcome();
  }
  if (options.onPaymentRequired) {
    options.onPaymentRequired(result, params);
    return outcome();
  }
  if (options.redirect === false) return outcome();

  // Absent fields stay undefined here and are dropped when the intent is saved as JSON.
  const { customerId, planId, billingPeriod, unitQuantity } = params;
  const intent: CheckoutIntent = { customerId, planId, billingPeriod, unitQuantity, idempotencyKey, savedAt: Date.now() };
  if (context.embeddedCheckout && result.checkoutClientSecret) {
    try {
      return outcome("embedded", await context.embeddedCheckout.open(context, result.checkoutClientSecret, intent, hooks.opener, hooks.onCheckoutOpen));
    } catch {
      // Stripe.js blocked, offline or too slow: the hosted checkout below still works.
    }
  }
  const settings = context.events.current;
  const url = assertCheckoutUrl(result.checkoutUrl, {
    pageOrigin: typeof window === "undefined" ? undefined : window.location.origin,
    allowedCheckoutHosts: settings.allowedCheckoutHosts,
  });
  saveCheckoutIntent(sessionStorageOrUndefined(), context.endpoint, intent);
  // Listens until the page comes back from the bfcache, if it ever does (a persisted pageshow).
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    removeEventListener("pageshow", onPageShow);
    hooks.onPageRestored();
  };
  addEventListener("pageshow", onPageShow);
  (settings.navigate ?? ((href) => window.location.assign(href)))(url.href);
  return outcome("redirected");
}
