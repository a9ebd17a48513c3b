"use client";
/**
 * The embedded checkout dialog: a native modal <dialog> (the page behind it is inert, so focus
 * stays inside), labelled by its title, closed by Esc or the close button, giving focus back to
 * where it was. It mounts Stripe's embedded checkout and destroys it when it closes. Loaded lazily.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { EmbeddedCheckoutSession } from "../core/embeddedCheckoutSessions.js";
import type { CheckoutDialogTexts } from "./checkoutDialogTexts.js";
import { cancelCheckout, startFinalizing } from "./checkoutFinalization.js";
import { useUpgradeContext } from "./UpgradeContext.js";

export default function CheckoutDialog({ session, texts }: { session: EmbeddedCheckoutSession; texts: CheckoutDialogTexts }): ReactNode {
  const context = useUpgradeContext("CheckoutDialog");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const titleId = useId();
  /** Set by the effect: closes through the same path as Esc. */
  const closeRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Focus goes back to what opened checkout (usually the upgrade button), not to <body>.
    const opener = session.opener ?? document.activeElement;
    const returnFocusTo = opener instanceof HTMLElement ? opener : null;
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");

    let completed = false;
    let closed = false;
    let instance: { destroy(): void } | null = null;
    const close = () => {
      if (closed) return;
      closed = true;
      instance?.destroy();
      // Browsers without <dialog> methods (old Safari, jsdom) get the attribute form.
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
      context.embeddedSession.set(null);
      session.settle(completed);
      returnFocusTo?.focus();
    };
    const onCancel = (event: Event) => {
      event.preventDefault(); // Esc: close through our own path so Stripe's instance is destroyed
      close();
      if (!completed) cancelCheckout(context);
    };
    dialog.addEventListener("cancel", onCancel);

    session.stripe
      .createEmbeddedCheckoutPage({
        clientSecret: session.clientSecret,
        onComplete: () => {
          completed = true;
          close();
          startFinalizing(context, session.intent);
        },
      })
      .then((checkout) => {
        if (closed) return checkout.destroy();
        instance = checkout;
        if (mountRef.current) checkout.mount(mountRef.current);
        setMounted(true);
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));

    closeRef.current = () => {
      close();
      if (!completed) cancelCheckout(context);
    };
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (!closed) {
        closed = true;
        instance?.destroy();
      }
    };
  }, [session, context]);

  return (
    <dialog ref={dialogRef} className="ruk-checkout-dialog" aria-labelledby={titleId}>
      <div className="ruk-checkout-dialog__header">
        <h2 id={titleId}>{texts.title}</h2>
        <button type="button" className="ruk-checkout-dialog__close" aria-label={texts.close} onClick={() => closeRef.current()}>
          ×
        </button>
      </div>
      {!mounted && !failed && <p role="status">{texts.loading}</p>}
      {failed && <p role="alert">{failed}</p>}
      <div ref={mountRef} className="ruk-checkout-dialog__body" />
    </dialog>
  );
}
