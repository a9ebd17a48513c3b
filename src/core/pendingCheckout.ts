/**
 * The pending checkout: what the user was buying, remembered across the redirect to a hosted
 * checkout so the page they come back to knows which plan to wait for. Written by the start of the
 * flow, read back (and removed) by its finish. Kept in sessionStorage (per tab, gone with the tab).
 * Storage can throw (Safari private mode, quotas, disabled cookies), so every access is guarded,
 * and what it holds can be anything (other code, old versions, tampering), so reading validates.
 */
import { BILLING_PERIODS, type BillingPeriod } from "./contract.js";
import * as v from "./schemaKit.js";

export interface PendingCheckout {
  customerId: string;
  planId: string;
  billingPeriod?: BillingPeriod;
  unitQuantity?: number;
  idempotencyKey: string;
  /** Epoch milliseconds; a pending checkout older than a day is ignored. */
  savedAt: number;
}

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const pendingCheckoutKey = (endpoint: string) => `react-upgrade-kit:checkout:${endpoint}`;

export function savePendingCheckout(storage: StorageLike | undefined, endpoint: string, pending: PendingCheckout): void {
  try {
    storage?.setItem(pendingCheckoutKey(endpoint), JSON.stringify(pending));
  } catch {
    // Without storage the return still works; it only cannot name the plan to wait for.
  }
}

const pendingCheckoutSchema = v.object({
  customerId: v.string,
  planId: v.string,
  billingPeriod: v.optional(v.picklist(BILLING_PERIODS)),
  unitQuantity: v.optional(v.number),
  idempotencyKey: v.string,
  savedAt: v.number,
});

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Reads and removes the pending checkout; null when there is none, it is unreadable, or too old. */
export function takePendingCheckout(storage: StorageLike | undefined, endpoint: string, now = Date.now()): PendingCheckout | null {
  try {
    const raw = storage?.getItem(pendingCheckoutKey(endpoint));
    storage?.removeItem(pendingCheckoutKey(endpoint));
    if (!raw) return null;
    const parsed = v.parseWith(pendingCheckoutSchema, JSON.parse(raw));
    if (!parsed.ok || now - parsed.value.savedAt > MAX_AGE_MS) return null;
    return parsed.value;
  } catch {
    return null;
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
