/** What happened to the last checkout, as the UI sees it (see useCheckoutStatus). */
import type { Subscription } from "./contract.js";

export type CheckoutState =
  | { status: "idle" }
  | { status: "finalizing"; planId: string | null }
  | { status: "completed"; subscription: Subscription | null }
  /** Gave up waiting (timeout): the payment is probably still being processed. */
  | { status: "unconfirmed"; planId: string | null }
  | { status: "canceled" };

export const IDLE_CHECKOUT: CheckoutState = { status: "idle" };
