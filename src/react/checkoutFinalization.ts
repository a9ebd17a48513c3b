/**
 * Everything after a checkout, loaded lazily: only a page that comes back from a hosted checkout
 * (or completes an embedded one) needs the marker handling, the stored-intent reader and the
 * polling code.
 */
import { cachedIn } from "../core/cachedIn.js";
import { sessionStorageOrUndefined, type CheckoutIntent } from "../core/checkoutIntent.js";
import { takeCheckoutIntent } from "../core/checkoutIntentReader.js";
import type { CheckoutState } from "../core/checkoutState.js";
import { createCheckoutTracker, type CheckoutTracker } from "../core/checkoutTracker.js";
import type { ExternalStore } from "../core/externalStore.js";
import { queryKeys } from "../core/queryKeys.js";
import { stripReturnMarker } from "../core/returnMarker.js";
import { readReturnMarker } from "../core/returnMarkerReader.js";
import type { UpgradeContextValue } from "./UpgradeContext.js";

const trackers = new WeakMap<ExternalStore<CheckoutState>, CheckoutTracker>();

function trackerFor(store: ExternalStore<CheckoutState>): CheckoutTracker {
  return cachedIn(trackers, store, () => createCheckoutTracker(store));
}

/**
 * The page loaded with the return marker (or remounted while finalizing): remove the marker,
 * touching nothing else in the URL, then wait for the plan, or report the cancel. `order`: when
 * the provider mounted (see `pause`).
 */
export function handleReturn(context: UpgradeContextValue, order?: number): void {
  const marker = readReturnMarker(window.location.href);
  if (marker !== null) {
    window.history.replaceState(window.history.state, "", stripReturnMarker(window.location.href));
  }
  if (marker === "canceled") {
    cancelCheckout(context);
  } else if (marker === "success") {
    // Only a purchase this tab started (its intent stored before the redirect) is finalized and
    // reported: a crafted `?ruk_checkout=success` link must not make the app thank a user who
    // bought nothing. Without one, the marker only refreshes what the page shows, and the wait
    // `useCheckoutReturn` announced at once is called off.
    const intent = takeCheckoutIntent(sessionStorageOrUndefined(), context.endpoint);
    if (intent) {
      startFinalizing(context, intent, order);
    } else {
      if (context.checkoutState.get().status === "finalizing") context.checkoutState.set({ status: "idle" });
      void context.queryClient.invalidateQueries({ queryKey: queryKeys.all(context.endpoint) });
    }
  } else if (context.checkoutState.get().status === "finalizing") {
    // A remount while waiting (StrictMode, a route change): the marker is gone, the wait goes on.
    startFinalizing(context, undefined, order);
  }
}

/**
 * Starts (or joins, or resumes) waiting for the bought plan. `intent` undefined: read what was
 * stored before the redirect to the hosted checkout.
 */
export function startFinalizing(
  context: UpgradeContextValue,
  intent: Pick<CheckoutIntent, "planId"> | null | undefined,
  order?: number,
): void {
  const { queryClient, client, customerId, events } = context;
  const tracker = trackerFor(context.checkoutState);
  tracker.resume(order);
  void tracker.finalize({
    intent: intent === undefined ? takeCheckoutIntent(sessionStorageOrUndefined(), context.endpoint) : intent,
    timeoutMs: events.current.checkoutFinalizeTimeoutMs,
    // fetchQuery with staleTime 0 always asks the backend and puts the answer in the cache, so
    // every component showing the customer updates with each poll.
    loadCustomer: () =>
      customerId === null
        ? Promise.resolve(null)
        : queryClient.fetchQuery({
            queryKey: queryKeys.customer(context.endpoint, customerId),
            queryFn: () => client.getCustomer(customerId),
            staleTime: 0,
          }),
    onCompleted: (subscription) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.all(context.endpoint) });
      events.current.onCheckoutCompleted?.({ subscription });
    },
    onPending: () => events.current.onCheckoutPending?.(),
  });
}

/** The user came back without paying, or closed the embedded checkout. */
export function cancelCheckout(context: UpgradeContextValue): void {
  context.checkoutState.set({ status: "canceled" });
  context.events.current.onCheckoutCanceled?.();
}

/**
 * The provider unmounted: stop polling until it mounts again. `order` says when it unmounted:
 * these calls arrive through a lazy import, so StrictMode's unmount can be delivered after the
 * remount's `handleReturn`, and must not stop the polling that remount resumed.
 */
export function pause(context: UpgradeContextValue, order: number): void {
  trackers.get(context.checkoutState)?.pause(order);
}
