"use client";
/**
 * Opt-in embedded checkout: Stripe's embedded Checkout in a modal dialog instead of a redirect to
 * the hosted page. Pass what `embeddedCheckout()` returns to `<StiggProvider checkout>`. Only apps
 * that import it carry it (and even they load Stripe.js and the dialog lazily: checkout/embedded.tsx),
 * so redirect-only apps ship none of it.
 *
 *   const checkout = embeddedCheckout({ publishableKey: "pk_live_..." }); // once, at module level
 *   <StiggProvider endpoint="/api/upgrade" checkout={checkout}>…</StiggProvider>
 */
import { createElement, lazy, Suspense, type ReactNode } from "react";
import type { EmbeddedCheckoutOpener } from "../core/checkoutController.js";
import type { EmbeddedCheckoutOptions } from "./checkout/embedded.js";

export type { CheckoutDialogTexts, EmbeddedCheckoutOptions } from "./checkout/embedded.js";

/** What `<StiggProvider checkout>` takes. Its members are the library's; apps only pass it on. */
export interface EmbeddedCheckout extends EmbeddedCheckoutOpener {
  /** The dialog, rendered by the provider. */
  render(): ReactNode;
}

const loadEmbedded = () => import("./checkout/embedded.js");
// Stable across embeddedCheckout() calls, so a configuration made inline never remounts the dialog.
const EmbeddedCheckoutHost = /* @__PURE__ */ lazy(loadEmbedded);

export function embeddedCheckout(options: EmbeddedCheckoutOptions = {}): EmbeddedCheckout {
  // A `loadStripe()` promise made long before a click may reject (ad blocker): that must not be an
  // unhandled rejection. The loader still sees the failure and falls back to the hosted checkout.
  if (options.stripe instanceof Promise) options.stripe.catch(() => undefined);
  // This configuration's Stripe loader, made by the embedded code on first need.
  const slot = {};
  return {
    open: async (request) => (await loadEmbedded()).openEmbeddedCheckout(options, slot, request),
    warmUp: () => {
      loadEmbedded().then((module) => module.warmUpStripe(options, slot)).catch(() => undefined);
    },
    render: () => createElement(Suspense, { fallback: null }, createElement(EmbeddedCheckoutHost, { texts: options.texts })),
  };
}
