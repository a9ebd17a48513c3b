/**
 * What happens after a checkout: the user is back (or the embedded checkout completed) but the
 * billing webhook may not have been processed yet, so the backend can still show the old plan.
 * The tracker polls the customer with backoff until the bought plan is live (ACTIVE or IN_TRIAL),
 * bounded in time; meanwhile its state says "finalizing", which the UI uses to hold back stale
 * upgrade buttons. Framework-free: the React layer subscribes to it.
 */
import type { Customer, Subscription } from "./contract.js";
import { IDLE_CHECKOUT, type CheckoutState } from "./checkoutState.js";
import { createExternalStore, type ExternalStore } from "./externalStore.js";
import type { PendingCheckout } from "./pendingCheckout.js";
import { isLiveSubscription } from "./subscriptions.js";

export interface FinalizeOptions {
  /** What was bought; null when the page does not know (no pending checkout was stored). */
  purchase: Pick<PendingCheckout, "planId"> | null;
  /** Fetches the customer fresh (and, in the React layer, refreshes the cache with it). */
  loadCustomer: () => Promise<Customer | null>;
  /** How long to wait for the plan to become live. Default 30 s. */
  timeoutMs?: number;
  onCompleted?: (subscription: Subscription | null) => void;
  onUnconfirmed?: () => void;
}

export interface CheckoutTracker {
  getState(): CheckoutState;
  subscribe(listener: () => void): () => void;
  /** Starts waiting for the bought plan; a second call while finalizing joins the first. */
  finalize(options: FinalizeOptions): Promise<void>;
  /**
   * Stops polling without forgetting (unmount); `resume` picks it up again (remount). `order`
   * says when the caller asked, for callers whose pauses and resumes can arrive out of order: one
   * older than the last applied is ignored. (The checkout controller calls them synchronously, in
   * order, and passes none.)
   */
  pause(order?: number): void;
  resume(order?: number): void;
}

export const DEFAULT_FINALIZE_TIMEOUT_MS = 30_000;
/** Backoff between polls: quick at first (webhooks are usually fast), then every 4 s. */
const POLL_DELAYS_MS = [500, 1_000, 2_000, 3_000, 4_000];

/** `store` holds the state (so a page can show "finalizing" before this module has loaded). */
export function createCheckoutTracker(
  store: ExternalStore<CheckoutState> = createExternalStore<CheckoutState>(IDLE_CHECKOUT),
  now: () => number = Date.now,
): CheckoutTracker {
  let run: { options: FinalizeOptions; deadline: number; attempt: number; done: Promise<void>; resolve: () => void } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paused = false;
  // A read is in flight: a resume then lets it carry on rather than start a second polling chain.
  let reading = false;
  let lastOrder = -Infinity;
  /** Whether a pause or resume asked at `order` is still news (see CheckoutTracker.pause). */
  const isLatest = (order: number | undefined) => {
    if (order === undefined) return true;
    if (order < lastOrder) return false;
    lastOrder = order;
    return true;
  };

  const finish = (next: CheckoutState) => {
    const current = run;
    run = null;
    clearTimeout(timer);
    store.set(next);
    current?.resolve();
  };

  async function poll(): Promise<void> {
    const current = run;
    if (!current || paused) return;
    const planId = current.options.purchase?.planId ?? null;
    let customer: Customer | null = null;
    reading = true;
    try {
      customer = await current.options.loadCustomer();
    } catch {
      // A failed read is no verdict: try again until the deadline.
    } finally {
      reading = false;
    }
    if (run !== current || paused) return;
    const live = customer?.subscriptions.filter(isLiveSubscription) ?? [];
    const bought = planId === null ? live[0] : live.find((subscription) => subscription.planId === planId);
    if (bought || (planId === null && customer !== null)) {
      finish({ status: "completed", subscription: bought ?? null });
      current.options.onCompleted?.(bought ?? null);
      return;
    }
    const delay = POLL_DELAYS_MS[Math.min(current.attempt, POLL_DELAYS_MS.length - 1)] ?? 4_000;
    current.attempt += 1;
    if (now() + delay > current.deadline) {
      finish({ status: "unconfirmed", planId });
      current.options.onUnconfirmed?.();
      return;
    }
    timer = setTimeout(() => void poll(), delay);
  }

  return {
    getState: store.get,
    subscribe: store.subscribe,
    finalize(options) {
      if (run) return run.done;
      let resolve: () => void = () => undefined;
      const done = new Promise<void>((settle) => {
        resolve = settle;
      });
      run = { options, deadline: now() + (options.timeoutMs ?? DEFAULT_FINALIZE_TIMEOUT_MS), attempt: 0, done, resolve };
      paused = false;
      store.set({ status: "finalizing", planId: options.purchase?.planId ?? null });
      void poll();
      return done;
    },
    pause(order) {
      if (!isLatest(order)) return;
      paused = true;
      clearTimeout(timer);
    },
    resume(order) {
      if (!isLatest(order) || !paused) return;
      paused = false;
      if (run && !reading) void poll();
    },
  };
}
