"use client";
/**
 * Opt-in embedded checkout: Stripe's embedded Checkout in a modal dialog instead of a redirect to
 * the hosted page. Pass what `embeddedCheckout()` returns to `<StiggProvider checkout>`. Only apps
 * that import it carry it (and even they load Stripe.js and the dialog lazily, on first need), so
 * redirect-only apps ship none of it.
 *
 *   const checkout = embeddedCheckout({ publishableKey: "pk_live_..." }); // once, at module level
 *   <StiggProvider endpoint="/api/upgrade" checkout={checkout}>…</StiggProvider>
 */
import { createElement, lazy, Suspense, type ReactNode } from "react";
import type { CheckoutIntent } from "../core/checkoutIntent.js";
import type { StripeSource } from "../core/stripeLoader.js";
import type { CheckoutDialogTexts } from "./checkoutDialogTexts.js";
import type { UpgradeContextValue } from "./UpgradeContext.js";

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

/** What `<StiggProvider checkout>` takes. Its members are the library's; apps only pass it on. */
export interface EmbeddedCheckout {
  /** Opens the dialog; settles when it closes (true: paid). Rejects when Stripe is unavailable. */
  open(context: UpgradeContextValue, clientSecret: string, intent: CheckoutIntent, opener: Element | null, onOpen: () => void): Promise<boolean>;
  /** Starts loading Stripe.js (an upgrade button is hovered or focused). */
  warmUp(): void;
  /** The dialog, rendered by the provider. */
  render(): ReactNode;
}

// Stable across embeddedCheckout() calls, so a configuration made inline never remounts the dialog.
const EmbeddedCheckoutHost = /* @__PURE__ */ lazy(() => import("./EmbeddedCheckoutHost.js"));

export function embeddedCheckout(options: EmbeddedCheckoutOptions = {}): EmbeddedCheckout {
  // A `loadStripe()` promise made long before a click may reject (ad blocker): that must not be an
  // unhandled rejection. The loader still sees the failure and falls back to the hosted checkout.
  if (options.stripe instanceof Promise) options.stripe.catch(() => undefined);
  const runtime = () => import("./embeddedCheckoutRuntime.js");
  return {
    open: async (...args) => (await runtime()).openEmbeddedCheckout(options, ...args),
    warmUp: () => {
      runtime().then((module) => module.warmUpStripe(options)).catch(() => undefined);
    },
    render: () => createElement(Suspense, { fallback: null }, createElement(EmbeddedCheckoutHost, { texts: options.texts })),
  };
}
