/**
 * A stand-in for your auth, so the example runs as a signed-in user. The cookie is what the
 * server's `identify` reads (server/upgradeHandler.ts); it is fake because anyone can set it:
 * use your real session there.
 */
export const SESSION_COOKIE = "example_session";

export function signedInCustomerId(): string {
  const customerId = "customer-1";
  document.cookie = `${SESSION_COOKIE}=${customerId}; path=/; SameSite=Lax`;
  return customerId;
}
