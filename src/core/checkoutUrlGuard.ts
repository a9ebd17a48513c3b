/**
 * Decides whether a `checkoutUrl` from the backend may be navigated to. A compromised or buggy
 * backend (or anything that can inject into its answer) must not be able to send the user to
 * `javascript:` or to a look-alike host, so the rule is an allowlist of exact hosts.
 */
import { UpgradeError } from "./UpgradeError.js";

/** Stripe's hosted checkout; always allowed. */
export const STRIPE_CHECKOUT_HOST = "checkout.stripe.com";

/** Where plain http is fine: local development. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

export interface CheckoutUrlGuardOptions {
  /** The page's own origin (`window.location.origin`); relative URLs resolve against it. */
  pageOrigin?: string;
  /** Extra exact host names (no wildcards), e.g. a custom checkout domain. */
  allowedCheckoutHosts?: readonly string[];
}

export type CheckoutUrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Allowed: https (or http on a loopback host), no credentials in the URL, and either the page's
 * own origin (the backend serving its own checkout page) or an allowed host.
 */
export function checkCheckoutUrl(raw: string, options: CheckoutUrlGuardOptions = {}): CheckoutUrlVerdict {
  const { pageOrigin, allowedCheckoutHosts = [] } = options;
  let url: URL;
  try {
    url = new URL(raw, pageOrigin);
  } catch {
    return { ok: false, reason: "invalid URL" };
  }
  const { protocol, hostname } = url;
  // Parsing succeeded, so `pageOrigin`, when given, is a valid URL too (a bad base throws above).
  const sameOrigin = pageOrigin !== undefined && url.origin === new URL(pageOrigin).origin;
  const reason =
    protocol !== "https:" && !(protocol === "http:" && LOOPBACK_HOSTS.includes(hostname))
      ? `${protocol} is not https:`
      : url.username || url.password
        ? "credentials in URL"
        : !sameOrigin && ![STRIPE_CHECKOUT_HOST, ...allowedCheckoutHosts].some((host) => host.toLowerCase() === hostname)
          ? `${hostname} is not an allowed host`
          : undefined;
  return reason ? { ok: false, reason } : { ok: true, url };
}

/** Like `checkCheckoutUrl`, but throws `UpgradeError("CHECKOUT_URL_REJECTED")`. */
export function assertCheckoutUrl(raw: string, options: CheckoutUrlGuardOptions = {}): URL {
  const verdict = checkCheckoutUrl(raw, options);
  if (verdict.ok) return verdict.url;
  throw new UpgradeError("CHECKOUT_URL_REJECTED", `Checkout URL refused: ${verdict.reason}`, {
    details: { checkoutUrl: raw },
  });
}
