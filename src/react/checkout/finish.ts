/**
 * The finish of a checkout, loaded lazily: only a page that comes back from a hosted checkout (or
 * completes an embedded one) needs it. It removes the return marker, reads back the pending
 * checkout stored before the redirect, and polls the customer until the bought plan is live (the
 * controller's tracker). The provider notices the return in the first load (StiggProvider.tsx)
 * and shows "finalizing" before this code has loaded; a cancel is handled there without it.
 */
import type { Customer } from "../../core/contract.js";
import { createCheckoutTracker } from "../../core/checkoutTracker.js";
import { sessionStorageOrUndefined, takePendingCheckout, type PendingCheckout } from "../../core/pendingCheckout.js";
import { queryKeys } from "../../core/queryKeys.js";
import { readReturnMarker, stripReturnMarker } from "../../core/returnMarker.js";
import type { StiggContextValue } from "../StiggContext.js";

/**
 * The page loaded with the success marker (or the provider remounted while finalizing): remove
 * the marker, touching nothing else in the URL, then wait for the plan.
 */
export function finishReturn(context: StiggContextValue): void {
  const { checkout } = context;
  const marker = readReturnMarker(window.location.href);
  if (marker !== null) {
    window.history.replaceState(window.history.state, "", stripReturnMarker(window.location.href));
  }
  if (marker === "success") {
    // Only a purchase this tab started (stored before the redirect) is finalized and reported: a
    // crafted `?ruk_checkout=success` link must not make the app thank a user who bought nothing.
    // Without one, the marker only refreshes what the page shows, and the wait the provider
    // announced at once is called off.
    const purchase = takePendingCheckout(sessionStorageOrUndefined(), context.endpoint);
    if (purchase) {
      finishCheckout(context, purchase);
    } else {
      if (checkout.state.get().status === "finalizing") checkout.state.set({ status: "idle" });
      void context.queryClient.invalidateQueries({ queryKey: queryKeys.all(context.endpoint) });
    }
  } else if (checkout.state.get().status === "finalizing") {
    // Loaded twice (StrictMode, a remount before the first load arrived): the wait goes on.
    finishCheckout(context, undefined);
  }
}

/**
 * Starts (or joins) waiting for the bought plan. `purchase` undefined: read the pending checkout
 * stored before the redirect to the hosted checkout.
 */
export function finishCheckout(context: StiggContextValue, purchase: Pick<PendingCheckout, "planId"> | null | undefined): void {
  const { queryClient, client, customerId, checkout, endpoint } = context;
  const settings = checkout.settings();
  const tracker = (checkout.tracker ??= createCheckoutTracker(checkout.state));
  let lastRead: Customer | null | undefined;
  void tracker.finalize({
    purchase: purchase === undefined ? takePendingCheckout(sessionStorageOrUndefined(), endpoint) : purchase,
    timeoutMs: settings.checkoutFinalizeTimeoutMs,
    // Straight from the backend, not through the query cache: this runs in the first effects of a
    // page that may still be streaming server-rendered parts, and a customer query created now,
    // still loading, would make their <HydrationBoundary> hydrate it only after rendering
    // (TanStack Query defers queries that exist), so they would render "loading" over the
    // server's HTML: a hydration mismatch. The cache gets the customer when the wait ends.
    loadCustomer: async () => (lastRead = customerId === null ? null : await client.getCustomer(customerId)),
    onCompleted: (subscription) => {
      // In the same task as the state turning "completed", so the page never shows the bought plan
      // as not yet current with its button enabled.
      if (customerId !== null && lastRead) queryClient.setQueryData(queryKeys.customer(endpoint, customerId), lastRead);
      void queryClient.invalidateQueries({ queryKey: queryKeys.all(endpoint) });
      checkout.settings().onCheckoutCompleted?.({ subscription });
    },
    onUnconfirmed: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.all(endpoint) });
      checkout.settings().onCheckoutUnconfirmed?.();
    },
  });
  // This code arrives late: the provider may have unmounted meanwhile (it resumes on remount).
  if (!checkout.isMounted()) tracker.pause();
}
