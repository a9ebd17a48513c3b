/**
 * The start of a checkout, from the click to leaving the page: provision (the coordinator retries
 * with the same idempotency key), then settle the answer: on SUCCESS refresh the customer; on
 * PAYMENT_REQUIRED open the embedded checkout when the app opted in (falling back to the hosted
 * one), else check the checkout URL, store the pending checkout for the return, and navigate.
 *
 * In the first load, not imported lazily: in every engine a dynamic import that failed once (a
 * network blip at the click) keeps failing for the page's life, so a lazy click path would leave
 * every later click failing until a reload. The return is finish.ts; the dialog is embedded.tsx.
 */
import { canonicalJson } from "../../core/canonicalJson.js";
import { assertCheckoutUrl } from "../../core/checkoutUrlGuard.js";
import type { ProvisionPaymentRequired, ProvisionSubscriptionParams, ProvisionSubscriptionResult } from "../../core/contract.js";
import { savePendingCheckout, sessionStorageOrUndefined, type PendingCheckout } from "../../core/pendingCheckout.js";
import { queryKeys } from "../../core/queryKeys.js";
import type { StiggContextValue } from "../StiggContext.js";

export interface ProvisionOutcome {
  result: ProvisionSubscriptionResult;
  /** True when the library navigated to the hosted checkout. */
  redirected: boolean;
  /** True when the library opened the embedded checkout (the outcome comes when it closes). */
  embedded: boolean;
  /** With `embedded`: the user paid in the dialog. */
  paid: boolean;
}

/** What the caller decides about PAYMENT_REQUIRED (useProvisionSubscription's options). */
export interface StartCheckoutOptions {
  /** `false`: on PAYMENT_REQUIRED, resolve with the answer and do not navigate. Default true. */
  redirect?: boolean;
  /** Take over PAYMENT_REQUIRED yourself (implies no redirect). */
  onPaymentRequired?: (result: ProvisionPaymentRequired, params: ProvisionSubscriptionParams) => void;
}

/** What the calling hook lends the start. */
export interface StartCheckoutHooks {
  /** The element that had focus at the click: the embedded dialog returns focus there. */
  opener: Element | null;
  /** The embedded checkout dialog opened. */
  onCheckoutOpen: () => void;
  /** The page came back from the bfcache after the redirect: nothing is running any more. */
  onPageRestored: () => void;
}

/** Starts (or joins: the same params while one runs) a provision and what follows its answer. */
export function startCheckout(
  params: ProvisionSubscriptionParams,
  context: StiggContextValue,
  options: () => StartCheckoutOptions,
  hooks: StartCheckoutHooks,
): Promise<ProvisionOutcome> {
  return context.checkout.starts.run(canonicalJson(params), () => provisionAndSettle(params, context, options(), hooks));
}

async function provisionAndSettle(
  params: ProvisionSubscriptionParams,
  context: StiggContextValue,
  options: StartCheckoutOptions,
  hooks: StartCheckoutHooks,
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

  // Absent fields stay undefined here and are dropped when it is saved as JSON.
  const { customerId, planId, billingPeriod, unitQuantity } = params;
  const purchase: PendingCheckout = { customerId, planId, billingPeriod, unitQuantity, idempotencyKey, savedAt: Date.now() };
  const { checkout, embeddedCheckout } = context;
  if (embeddedCheckout && result.checkoutClientSecret) {
    try {
      const paid = await embeddedCheckout.open({
        clientSecret: result.checkoutClientSecret,
        purchase,
        opener: hooks.opener,
        onOpen: hooks.onCheckoutOpen,
        show: checkout.embeddedSession.set,
      });
      return outcome("embedded", paid);
    } catch {
      // Stripe.js blocked, offline or too slow: the hosted checkout below still works.
    }
  }
  const settings = checkout.settings();
  const url = assertCheckoutUrl(result.checkoutUrl, {
    pageOrigin: typeof window === "undefined" ? undefined : window.location.origin,
    allowedCheckoutHosts: settings.allowedCheckoutHosts,
  });
  savePendingCheckout(sessionStorageOrUndefined(), context.endpoint, purchase);
  // Listens until the page comes back from the bfcache, if it ever does (a persisted pageshow).
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    removeEventListener("pageshow", onPageShow);
    hooks.onPageRestored();
  };
  addEventListener("pageshow", onPageShow);
  // The navigation to the hosted checkout.
  const navigate = settings.navigate ?? ((href: string) => window.location.assign(href));
  navigate(url.href);
  return outcome("redirected");
}
