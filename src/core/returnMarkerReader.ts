/**
 * Reading the checkout return marker back (see returnMarker.ts). Apart from the writer, so only a
 * page that comes back from checkout loads it.
 */
import { CHECKOUT_RETURN_PARAM, type CheckoutReturn } from "./returnMarker.js";

/** Which marker, if any, `pageUrl` carries. */
export function readReturnMarker(pageUrl: string): CheckoutReturn | null {
  const value = new URL(pageUrl).searchParams.get(CHECKOUT_RETURN_PARAM);
  return value === "success" || value === "canceled" ? value : null;
}

