/**
 * A fresh idempotency key. `crypto.randomUUID` exists only in secure contexts (https, localhost), so
 * a dev server opened on a LAN address over http falls back to `getRandomValues`, which exists everywhere.
 */
export function createIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi.randomUUID === "function") return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
