/**
 * A fresh idempotency key: 128 random bits as 32 hex digits. From `getRandomValues`, which exists
 * everywhere, unlike `crypto.randomUUID` (secure contexts only: a dev server opened on a LAN address
 * over http has none), so there is one way to make a key and no fallback to keep working.
 */
export function createIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
