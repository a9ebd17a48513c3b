"use client";
import { useSyncExternalStore } from "react";
import { IDLE_CHECKOUT, type CheckoutState } from "../core/checkoutState.js";
import { useStiggContext } from "./StiggContext.js";

const serverState = () => IDLE_CHECKOUT;

/**
 * What happened to the last checkout: "finalizing" while the bought plan is not live yet (hold back
 * upgrade buttons), then "completed" (with the subscription), "unconfirmed" (gave up waiting; the
 * payment is probably still processing) or "canceled". `reset()` returns to "idle".
 */
export function useCheckoutStatus(): CheckoutState & { reset: () => void } {
  const checkoutState = useStiggContext().checkout.state;
  const state = useSyncExternalStore(checkoutState.subscribe, checkoutState.get, serverState);
  return { ...state, reset: () => checkoutState.set(IDLE_CHECKOUT) };
}
