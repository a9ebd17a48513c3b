/**
 * Decides whether a `checkoutUrl` from the backend may be navigated to. A compromised or buggy
 * backend (or anything that can inject into its answer) must not be able to send the user to
 * `javascript:` or to a look-alike host, so the rule is an allowlist of exact hosts.
 */
import { UpgradeError } from "./UpgradeError.js";

/** Stripe's hosted checkout; always allowed. */
export const STRIPE_CHECKOUT_HOST = "checkout.stripe.com";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface CheckoutUrlGuardOptions {
  /** The page's own origin (`window.location.origin`); relative URLs resolve against it. */
  pageOrigin?: string;
  /** Extra exact host names (no wildcards), e.g. a custom checkout domain. */
  allowedCheckoutHosts?: readonly string[];
}

export type CheckoutUrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

export function checkCheckoutUrl(raw: string, options: CheckoutUrlGuardOptions = {}): CheckoutUrlVerdict {
  let url: URL;
  try {
    url = new URL(raw, options.pageOrigin);
  } catch {
    return { ok: false, reason: "invalid URL" };
  }
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback)) {
    return { ok: false, reason: `${url.protocol} is not https:` };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, reason: "credentials in URL" };
  }
  const sameOrigin = options.pageOrigin !== undefined && url.origin === safeOrigin(options.pageOrigin);
  const allowedHosts = [STRIPE_CHECKOUT_HOST, ...(options.allowedCheckoutHosts ?? [])].map((host) =>
    host.toLowerCase(),
  );
  if (!sameOrigin && !allowedHosts.includes(url.hostname)) {
    return { ok: false, reason: `${url.hostname} is not an allowed host` };
  }
  return { ok: true, url };
}

/** Like `checkCheckoutUrl`, but throws `UpgradeError("CHECKOUT_URL_REJECTED")`. */
export function assertCheckoutUrl(raw: string, options: CheckoutUrlGuardOptions = {}): URL {
  const verdict = checkCheckoutUrl(raw, options);
  if (verdict.ok) return verdict.url;
  throw new UpgradeError("CHECKOUT_URL_REJECTED", `Checkout URL refused: ${verdict.reason}`, {
    details: { checkoutUrl: raw },
  });
}

function safeOrigin(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}
