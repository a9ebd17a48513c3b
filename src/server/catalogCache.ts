/**
 * Each customer's catalog (`backend.getPlans({ customerId })`), which every provision is checked
 * against before anything is claimed. Kept for a while so a burst of purchases asks the backend
 * once, shared by concurrent provisions, and dropped by the handler after the customer's own
 * provision (what they may buy may have changed).
 */
import type { Plan } from "../core/contract.js";
import type { UpgradeBackend } from "./backend.js";
import { plansJsonOf } from "./plansJson.js";

/** Catalogs kept at once (one per recently buying customer); the oldest goes first. */
const MAX_CACHED_CATALOGS = 1000;

export interface CatalogCache {
  /** The customer's plans, shared by concurrent provisions and kept for `ttlMs`. */
  plansOf(customerId: string): Promise<Plan[]>;
  /** Drops the customer's catalog, so their next provision asks the backend again. */
  forget(customerId: string): void;
}

/** `ttlMs` 0 keeps nothing: every call asks the backend. */
export function createCatalogCache(backend: Pick<UpgradeBackend, "getPlans">, ttlMs: number): CatalogCache {
  const catalog = new Map<string, { plans: Promise<Plan[]>; expiresAt: number }>();
  // A backend that hands out its plans as JSON text (the memory backend) is parsed once per text,
  // not once per customer: the parsed plans are only read here, and frozen so nothing can change them.
  let parsed: { text: string; plans: Plan[] } | undefined;
  const parseOnce = (text: string): Plan[] => {
    if (parsed?.text !== text) parsed = { text, plans: deepFreeze(JSON.parse(text) as Plan[]) };
    return parsed.plans;
  };
  const read = (customerId: string): Promise<Plan[]> => plansJsonOf(backend, { customerId })?.then(parseOnce) ?? backend.getPlans({ customerId });

  function plansOf(customerId: string): Promise<Plan[]> {
    const now = Date.now();
    const cached = catalog.get(customerId);
    if (cached && cached.expiresAt > now) return cached.plans;
    const plans = read(customerId);
    if (ttlMs > 0) {
      catalog.delete(customerId);
      catalog.set(customerId, { plans, expiresAt: now + ttlMs });
      // Insertion order is expiry order: the first entry is the oldest.
      if (catalog.size > MAX_CACHED_CATALOGS) catalog.delete(catalog.keys().next().value as string);
      // A failed read is not kept: the next provision asks again.
      plans.catch(() => {
        if (catalog.get(customerId)?.plans === plans) catalog.delete(customerId);
      });
    }
    return plans;
  }

  return { plansOf, forget: (customerId) => void catalog.delete(customerId) };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
