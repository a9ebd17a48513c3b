/**
 * Whether the browser may be sent to `url` after checkout. Only absolute http(s) URLs on an
 * allowed origin pass, so the provision endpoint cannot be used as an open redirect
 * (a phishing link that "returns" to an attacker's site after a real checkout). Control characters
 * are refused outright: the URL ends up in a `Location` header after payment, where CR, LF or NUL
 * would make the redirect fail for a user who has just paid.
 */
export function isAllowedReturnUrl(url: string, allowedOrigins: ReadonlySet<string>): boolean {
  if (/[\u0000-\u001f\u007f]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  return allowedOrigins.has(parsed.origin);
}
