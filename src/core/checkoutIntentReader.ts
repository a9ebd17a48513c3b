/**
 * Reads back the checkout intent stored before the redirect (see checkoutIntent.ts). What storage
 * holds can be anything (other code, old versions, tampering), so it is validated.
 */
import { checkoutIntentKey, type CheckoutIntent, type StorageLike } from "./checkoutIntent.js";
import * as v from "./schemaKit.js";

const intentSchema = v.object({
  customerId: v.string,
  planId: v.string,
  billingPeriod: v.optional(v.picklist(["MONTHLY", "ANNUALLY"])),
  unitQuantity: v.optional(v.number),
  idempotencyKey: v.string,
  savedAt: v.number,
});

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Reads and removes the intent; null when there is none, it is unreadable, or too old. */
export function takeCheckoutIntent(storage: StorageLike | undefined, endpoint: string, now = Date.now()): CheckoutIntent | null {
  try {
    const raw = storage?.getItem(checkoutIntentKey(endpoint));
    storage?.removeItem(checkoutIntentKey(endpoint));
    if (!raw) return null;
    const parsed = v.parseWith(intentSchema, JSON.parse(raw));
    if (!parsed.ok || now - parsed.value.savedAt > MAX_AGE_MS) return null;
    return parsed.value;
  } catch {
    return null;
  }
}

