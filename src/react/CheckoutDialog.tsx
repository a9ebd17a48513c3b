"use client";
/**
 * The embedded checkout dialog: a modal <dialog> (see useModalDialog) labelled by its title, closed
 * by Esc or the close button. It mounts Stripe's embedded checkout and destroys it when it closes.
 * Loaded lazily, only by apps that use `embeddedCheckout()`.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cachedIn } from "../core/cachedIn.js";
import { embeddedSessionStore, type EmbeddedCheckoutSession } from "../core/embeddedCheckoutSessions.js";
import type { EmbeddedCheckoutInstance } from "../core/stripeLoader.js";
import { cancelCheckout, startFinalizing } from "./checkoutFinalization.js";
import type { CheckoutDialogTexts } from "./checkoutDialogTexts.js";
import { useModalDialog } from "./useModalDialog.js";
import { useUpgradeContext } from "./UpgradeContext.js";

/**
 * One Stripe embedded checkout per session, kept across StrictMode's unmount/remount (Stripe allows
 * only one instance at a time): an effect cleanup only unmounts it; closing the dialog destroys it.
 */
const instances = new WeakMap<EmbeddedCheckoutSession, Promise<EmbeddedCheckoutInstance>>();

export default function CheckoutDialog({ session, texts }: { session: EmbeddedCheckoutSession; texts: CheckoutDialogTexts }): ReactNode {
  const context = useUpgradeContext();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const titleId = useId();

  // Closing removes the session, which unmounts this dialog: cleanups destroy Stripe's instance,
  // close the <dialog> and give focus back to the button that opened it.
  const close = (completed: boolean) => {
    const sessions = embeddedSessionStore(context);
    if (sessions.get() !== session) return;
    void instances.get(session)?.then((instance) => instance.destroy());
    sessions.set(null);
    session.settle(completed);
    if (completed) startFinalizing(context, session.intent);
    else cancelCheckout(context);
  };
  const latestClose = useRef(close);
  latestClose.current = close;

  useModalDialog(dialogRef, () => close(false), session.opener);

  useEffect(() => {
    const instance = cachedIn(instances, session, () =>
      session.stripe.createEmbeddedCheckoutPage({
        clientSecret: session.clientSecret,
        onComplete: () => latestClose.current(true),
      }),
    );
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
