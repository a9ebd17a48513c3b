"use client";
import { useContext } from "react";
import { StiggContext } from "./StiggContext.js";

export interface WarmUpHandlers {
  onPointerEnter?: () => void;
  onFocus?: () => void;
}

const NONE: WarmUpHandlers = {};

/**
 * With embedded checkout (`embeddedCheckout()`), handlers for an upgrade button that start loading
 * Stripe.js when the user points at or focuses it, so the checkout opens faster on click. Nothing
 * when the app redirects.
 */
export function useCheckoutWarmUp(): WarmUpHandlers {
  const embedded = useContext(StiggContext)?.embeddedCheckout;
  return embedded ? { onPointerEnter: embedded.warmUp, onFocus: embedded.warmUp } : NONE;
}
