/**
 * The checkout controller: everything one <StiggProvider> owns about checkout, in one object made
 * by the provider (framework-free; the React layer only subscribes to its stores):
 * - `state`: what happened to the last checkout (useCheckoutStatus, the Paywall);
 * - `embeddedSession`: the embedded checkout open now, if any (the dialog renders it);
 * - `starts`: joins repeated starts of one purchase (ten quick clicks, one POST, one navigation);
 * - `tracker`: the polling after a checkout, made by the lazily loaded finish code;
 * - mounts: while no provider using it is mounted, the tracker is paused.
 * Nothing here is module state: two providers have two controllers.
 *
 * The flow itself is in src/react/checkout/: start.ts (the click), finish.ts (the return) and
 * embedded.tsx (Stripe's embedded checkout in a dialog).
 */
import type { Subscription } from "./contract.js";
import { IDLE_CHECKOUT, type CheckoutState } from "./checkoutState.js";
import type { CheckoutTracker } from "./checkoutTracker.js";
import { createExternalStore, type ExternalStore } from "./externalStore.js";
import type { PendingCheckout } from "./pendingCheckout.js";
import { createSingleFlight, type SingleFlight } from "./singleFlight.js";
import type { EmbeddedCheckoutInstance, StripeLike } from "./stripeLoader.js";

/** The provider's checkout props, read when they are needed (so inline props rebuild nothing). */
export interface CheckoutSettings {
  navigate?: (url: string) => void;
  allowedCheckoutHosts?: readonly string[];
  checkoutFinalizeTimeoutMs?: number;
  onCheckoutCompleted?: (event: { subscription: Subscription | null }) => void;
  onCheckoutCanceled?: () => void;
  onCheckoutUnconfirmed?: () => void;
}

/** An open embedded checkout. */
export interface EmbeddedCheckoutSession {
  stripe: StripeLike;
  clientSecret: string;
  purchase: PendingCheckout;
  /** Where focus was when the user asked for checkout; it goes back there when the dialog closes. */
  opener: Element | null;
  /** Called once when the dialog closes: paid (true) or left (false). */
  settle: (paid: boolean) => void;
  /** Stripe's embedded checkout for this session, made when the dialog first mounts. */
  stripeInstance?: Promise<EmbeddedCheckoutInstance>;
}

export interface CheckoutController {
  /** What happened to the last checkout. */
  readonly state: ExternalStore<CheckoutState>;
  /** The embedded checkout open now, if any. */
  readonly embeddedSession: ExternalStore<EmbeddedCheckoutSession | null>;
  /** Joins repeated starts of the same purchase, keyed by its canonical params. */
  readonly starts: SingleFlight;
  /** The provider's latest checkout props. */
  settings(): CheckoutSettings;
  /** Polls after a checkout; undefined until the finish code (loaded lazily) first needs it. */
  tracker: CheckoutTracker | undefined;
  /** Whether a provider using this controller is mounted now. */
  isMounted(): boolean;
  /** The provider mounted: a paused wait goes on. Returns the unmount, which pauses it. */
  mount(): () => void;
  /** The user came back without paying, or closed the embedded checkout. */
  cancel(): void;
}

export function createCheckoutController(settings: () => CheckoutSettings): CheckoutController {
  let mounts = 0;
  const controller: CheckoutController = {
    state: createExternalStore<CheckoutState>(IDLE_CHECKOUT),
    embeddedSession: createExternalStore<EmbeddedCheckoutSession | null>(null),
    starts: createSingleFlight(),
    settings,
    tracker: undefined,
    isMounted: () => mounts > 0,
    mount() {
      mounts += 1;
      controller.tracker?.resume();
      // StrictMode mounts, unmounts and mounts again synchronously: the pause and the resume
      // arrive in order, so no sequence numbers are needed.
      return () => {
        if (--mounts === 0) controller.tracker?.pause();
      };
    },
    cancel() {
      controller.state.set({ status: "canceled" });
      settings().onCheckoutCanceled?.();
    },
  };
  return controller;
}

/** What the start of the flow asks of the embedded checkout (`embeddedCheckout()` makes one). */
export interface EmbeddedCheckoutRequest {
  clientSecret: string;
  purchase: PendingCheckout;
  /** The element that had focus at the click: the dialog returns focus there. */
  opener: Element | null;
  /** Stripe is ready and the dialog opens now. */
  onOpen: () => void;
  /** Where the dialog's session goes: the provider's `embeddedSession`. */
  show: (session: EmbeddedCheckoutSession) => void;
}

/** The part of `embeddedCheckout()` that the flow uses; the React part (`render`) is the provider's. */
export interface EmbeddedCheckoutOpener {
  /** Opens the dialog; settles when it closes (true: paid). Rejects when Stripe is unavailable. */
  open(request: EmbeddedCheckoutRequest): Promise<boolean>;
  /** Starts loading Stripe.js (an upgrade button is hovered or focused). */
  warmUp(): void;
}
