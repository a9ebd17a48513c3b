"use client";
/**
 * The embedded checkout, loaded lazily, and only by apps that use `embeddedCheckout()`: loading
 * Stripe (bounded by the loader's timeout; a failure makes the start fall back to the hosted
 * checkout), the host the provider renders, and the dialog: a modal <dialog> (see useModalDialog)
 * labelled by its title, closed by Esc or the close button, with Stripe's embedded checkout
 * mounted in it and destroyed when it closes.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { EmbeddedCheckoutRequest, EmbeddedCheckoutSession } from "../../core/checkoutController.js";
import { withOverrides } from "../../core/paywall/texts.js";
import { createStripeLoader, type EmbeddedCheckoutInstance, type StripeLoader, type StripeSource } from "../../core/stripeLoader.js";
import { useModalDialog } from "../useModalDialog.js";
import { useStiggContext } from "../StiggContext.js";
import { finishCheckout } from "./finish.js";

/** The embedded checkout dialog's texts (`embeddedCheckout({ texts })`). */
export interface CheckoutDialogTexts {
  /** The dialog's title (its accessible name). */
  title: string;
  /** Accessible name of the close button. */
  close: string;
  /** Shown until Stripe's form appears. */
  loading: string;
}

export interface EmbeddedCheckoutOptions {
  /** A Stripe object, or the promise `loadStripe(...)` returned. */
  stripe?: StripeSource;
  /** Instead of `stripe`: Stripe.js is loaded lazily, with this key, on first need. */
  publishableKey?: string;
  /** How long Stripe.js may take to load before falling back to the hosted checkout (default 10 000). */
  loadTimeoutMs?: number;
  /** Texts of the checkout dialog. */
  texts?: Partial<CheckoutDialogTexts>;
}

/** One loader per `embeddedCheckout()` configuration, kept in that configuration's `slot`. */
export interface StripeLoaderSlot {
  loader?: StripeLoader;
}

function loaderFor(options: EmbeddedCheckoutOptions, slot: StripeLoaderSlot): StripeLoader {
  return (slot.loader ??= createStripeLoader({ stripe: options.stripe, publishableKey: options.publishableKey, timeoutMs: options.loadTimeoutMs }));
}

/**
 * Loads Stripe and opens the dialog: `onOpen` is called then, and the promise settles when the
 * dialog closes (true: paid). Rejects when Stripe is unavailable.
 */
export async function openEmbeddedCheckout(options: EmbeddedCheckoutOptions, slot: StripeLoaderSlot, request: EmbeddedCheckoutRequest): Promise<boolean> {
  const stripe = await loaderFor(options, slot).load();
  request.onOpen();
  const { clientSecret, purchase, opener } = request;
  return new Promise((settle) => request.show({ stripe, clientSecret, purchase, opener, settle }));
}

/** A warm-up's load is reused by the click after it. */
export function warmUpStripe(options: EmbeddedCheckoutOptions, slot: StripeLoaderSlot): void {
  loaderFor(options, slot).warmUp();
}

const defaultCheckoutDialogTexts: CheckoutDialogTexts = {
  title: "Complete your purchase",
  close: "Close checkout",
  loading: "Loading checkout…",
};

const noSession = () => null;

/** Renders the dialog while a session is open. */
export default function EmbeddedCheckoutHost({ texts }: { texts: Partial<CheckoutDialogTexts> | undefined }): ReactNode {
  const sessions = useStiggContext().checkout.embeddedSession;
  const session = useSyncExternalStore(sessions.subscribe, sessions.get, noSession);
  return session ? <CheckoutDialog session={session} texts={withOverrides(defaultCheckoutDialogTexts, texts)} /> : null;
}

function CheckoutDialog({ session, texts }: { session: EmbeddedCheckoutSession; texts: CheckoutDialogTexts }): ReactNode {
  const context = useStiggContext();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const titleId = useId();

  // Closing removes the session, which unmounts this dialog: cleanups destroy Stripe's instance,
  // close the <dialog> and give focus back to the button that opened it.
  const close = (paid: boolean) => {
    const { checkout } = context;
    if (checkout.embeddedSession.get() !== session) return;
    void session.stripeInstance?.then((instance) => instance.destroy());
    checkout.embeddedSession.set(null);
    session.settle(paid);
    if (paid) finishCheckout(context, session.purchase);
    else checkout.cancel();
  };
  const latestClose = useRef(close);
  latestClose.current = close;

  useModalDialog(dialogRef, () => close(false), session.opener);

  useEffect(() => {
    // One Stripe instance per session, kept on it across StrictMode's unmount/remount (Stripe
    // allows only one at a time): an effect cleanup only unmounts it; closing destroys it.
    const instance = (session.stripeInstance ??= session.stripe.createEmbeddedCheckoutPage({
      clientSecret: session.clientSecret,
      onComplete: () => latestClose.current(true),
    }));
    let mountedHere: EmbeddedCheckoutInstance | null = null;
    let disposed = false;
    instance
      .then((checkout) => {
        if (disposed || !mountRef.current) return;
        checkout.mount(mountRef.current);
        mountedHere = checkout;
        setMounted(true);
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      disposed = true;
      mountedHere?.unmount();
    };
  }, [session]);

  return (
    <dialog ref={dialogRef} className="ruk-checkout-dialog" aria-labelledby={titleId}>
      <div className="ruk-checkout-dialog__header">
        <h2 id={titleId}>{texts.title}</h2>
        <button type="button" className="ruk-checkout-dialog__close" aria-label={texts.close} onClick={() => close(false)}>
          ×
        </button>
      </div>
      {!mounted && !failed && <p role="status">{texts.loading}</p>}
      {failed && <p role="alert">{failed}</p>}
      <div ref={mountRef} className="ruk-checkout-dialog__body" />
    </dialog>
  );
}
