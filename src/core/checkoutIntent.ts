/**
 * Remembers, across the redirect to a hosted checkout, what the user was buying, so the page they
 * come back to knows which plan to wait for. Kept in sessionStorage (per tab, gone with the tab).
 * Storage can throw (Safari private mode, quotas, disabled cookies), so every access is guarded.
 * Writing is here; reading back (with validation) is in checkoutIntentReader.ts, which only a page
 * returning from checkout loads.
 */

export interface CheckoutIntent {
  customerId: string;
  planId: string;
  billingPeriod?: "MONTHLY" | "ANNUALLY";
  unitQuantity?: number;
  idempotencyKey: string;
  /** Epoch milliseconds; intents older than a day are ignored. */
  savedAt: number;
}

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const checkoutIntentKey = (endpoint: string) => `react-upgrade-kit:checkout:${endpoint}`;

export function saveCheckoutIntent(storage: StorageLike | undefined, endpoint: string, intent: CheckoutIntent): void {
  try {
    storage?.setItem(checkoutIntentKey(endpoint), JSON.stringify(intent));
  } catch {
    // Without storage the return still works; it only cannot name the plan to wait for.
  }
}

/** sessionStorage when the page has one that works, else undefined. */
export function sessionStorageOrUndefined(): StorageLike | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}
