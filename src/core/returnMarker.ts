/**
 * The query parameter that marks a return from checkout, so the app (and the provider) can tell
 * "back from paying" from "back from cancelling": written into the checkout's return URLs, read
 * when the page loads, then removed.
 *
 * The marker is added and removed as text, not through `URLSearchParams`: re-serializing the query
 * would rewrite the app's own parameters (`a%20b` becomes `a+b`, `flag` becomes `flag=`), and the
 * page must come back exactly as the user left it, marker aside.
 */
import type { CheckoutOptions } from "./contract.js";

export const CHECKOUT_RETURN_PARAM = "ruk_checkout";
export type CheckoutReturn = "success" | "canceled";

/** A URL cut where the query and the fragment start; `query` without "?", `hash` with "#". */
interface UrlParts {
  base: string;
  query: string | null;
  hash: string;
}

function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf("#");
  const hash = hashAt === -1 ? "" : url.slice(hashAt);
  const rest = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = rest.indexOf("?");
  return queryAt === -1
    ? { base: rest, query: null, hash }
    : { base: rest.slice(0, queryAt), query: rest.slice(queryAt + 1), hash };
}

function isMarker(pair: string): boolean {
  const name = pair.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(name.replace(/\+/g, " ")) === CHECKOUT_RETURN_PARAM;
  } catch {
    return false; // a malformed escape is the app's, and it is not ours
  }
}

/** The query's own pairs, as written, without any marker. */
function pairsWithoutMarker(query: string | null): string[] {
  return query === null || query === "" ? [] : query.split("&").filter((pair) => !isMarker(pair));
}

function joinUrl(base: string, pairs: readonly string[], hash: string): string {
  return `${base}${pairs.length > 0 ? `?${pairs.join("&")}` : ""}${hash}`;
}

/** `pageUrl` with the marker set (any earlier one removed); every other byte of the URL is kept. */
export function withReturnMarker(pageUrl: string, marker: CheckoutReturn): string {
  const { base, query, hash } = splitUrl(pageUrl);
  return joinUrl(base, [...pairsWithoutMarker(query), `${CHECKOUT_RETURN_PARAM}=${marker}`], hash);
}

/** Which marker, if any, `pageUrl` carries. */
export function readReturnMarker(pageUrl: string): CheckoutReturn | null {
  const value = new URL(pageUrl).searchParams.get(CHECKOUT_RETURN_PARAM);
  return value === "success" || value === "canceled" ? value : null;
}

/** `pageUrl` without the marker; every other byte of the URL is kept as it was. */
export function stripReturnMarker(pageUrl: string): string {
  const { base, query, hash } = splitUrl(pageUrl);
  if (query === null || !query.split("&").some(isMarker)) return pageUrl;
  return joinUrl(base, pairsWithoutMarker(query), hash);
}

/** Default `checkoutOptions`: come back to the page the user was on (without its fragment). */
export function defaultCheckoutOptions(pageUrl: string): CheckoutOptions {
  const page = splitUrl(pageUrl);
  const pageWithoutHash = `${page.base}${page.query === null ? "" : `?${page.query}`}`;
  return {
    successUrl: withReturnMarker(pageWithoutHash, "success"),
    cancelUrl: withReturnMarker(pageWithoutHash, "canceled"),
  };
}
