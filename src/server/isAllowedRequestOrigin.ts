/**
 * Cross-site request forgery defence for POSTs. Browsers send `Origin` on every cross-origin POST
 * (and on same-origin ones), so a page on another site that makes the signed-in user's browser post
 * to the endpoint is recognised by its Origin and refused. A request without `Origin` does not come
 * from such a page (curl, server-to-server calls, old same-origin form posts) and passes: it cannot
 * ride on the user's cookies from a foreign site. `Origin: null` (sandboxed frames, opaque redirects)
 * is never on the list, so it is refused.
 */
export function isAllowedRequestOrigin(origin: string | null, allowedOrigins: ReadonlySet<string>): boolean {
  if (origin === null) return true;
  try {
    return allowedOrigins.has(new URL(origin).origin);
  } catch {
    return false;
  }
}
