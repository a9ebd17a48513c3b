/**
 * The query parameter that marks a return from checkout, so the app (and later the provider's
 * finalizing logic) can tell "back from paying" from "back from cancelling".
 */
import type { CheckoutOptions } from "./contract.js";

export const CHECKOUT_RETURN_PARAM = "ruk_checkout";
export type CheckoutReturn = "success" | "canceled";

/** `pageUrl` with the marker set; every other part of the URL is kept. */
export function withReturnMarker(pageUrl: string, marker: CheckoutReturn): string {
  const url = new URL(pageUrl);
  url.searchParams.set(CHECKOUT_RETURN_PARAM, marker);
  return url.toString();
}

/** Default `checkoutOptions`: come back to the page the user was on. */
export function defaultCheckoutOptions(pageUrl: string): CheckoutOptions {
  const page = new URL(pageUrl);
  page.searchParams.delete(CHECKOUT_RETURN_PARAM);
  page.hash = "";
  return {
    successUrl: withReturnMarker(page.toString(), "success"),
    cancelUrl: withReturnMarker(page.toString(), "canceled"),
  };
}
