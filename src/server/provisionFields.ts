/**
 * Which provision fields the browser may set. The browser is untrusted: left open, it could pick
 * its own tax rate (`billingInformation`), backdate a subscription (`startDate`), choose
 * subscription ids (`id`), write `metadata` that the app later trusts, or turn off checkout
 * options the business relies on. So the handler accepts only the fields a paywall needs and
 * refuses the rest with 400 rather than dropping them, so a client bug shows up at once.
 * Server-side values belong in the handler's `beforeProvision` hook.
 */
import type { CheckoutOptions, ProvisionSubscriptionParams } from "../core/contract.js";

/** Every field of the contract's provision body the allowlist can name, besides `customerId`. */
export const PROVISION_FIELDS = [
  "planId",
  "billingPeriod",
  "unitQuantity",
  "addons",
  "startDate",
  "id",
  "billingInformation",
  "metadata",
  "checkoutOptions",
  "checkoutOptions.successUrl",
  "checkoutOptions.cancelUrl",
  "checkoutOptions.allowPromoCodes",
  "checkoutOptions.collectBillingAddress",
] as const;

export type ProvisionField = (typeof PROVISION_FIELDS)[number];

const KNOWN_FIELDS: ReadonlySet<string> = new Set(PROVISION_FIELDS);

// Compile-time proof that the list names every field of the contract: a field added to
// ProvisionSubscriptionParams or CheckoutOptions must be added above, or this stops compiling.
type ContractField =
  | Exclude<keyof ProvisionSubscriptionParams, "customerId">
  | `checkoutOptions.${keyof CheckoutOptions}`;
type SameFields = [ContractField] extends [ProvisionField]
  ? [ProvisionField] extends [ContractField]
    ? true
    : false
  : false;
true satisfies SameFields;

/** What a paywall sends: the choice the user made and where checkout returns to. */
export const DEFAULT_ALLOWED_PROVISION_FIELDS: readonly ProvisionField[] = Object.freeze([
  "planId",
  "billingPeriod",
  "unitQuantity",
  "addons",
  "checkoutOptions.successUrl",
  "checkoutOptions.cancelUrl",
  "checkoutOptions.allowPromoCodes",
]);

/** Checks a configured list once, at startup, so a typo fails loudly instead of refusing buyers. */
export function toAllowedFieldSet(fields: readonly string[]): ReadonlySet<string> {
  for (const field of fields) {
    if (!KNOWN_FIELDS.has(field)) {
      throw new TypeError(`createUpgradeHandler: allowedProvisionFields has an unknown field "${field}"`);
    }
  }
  return new Set(fields);
}

/**
 * The body fields outside `allowed`, as dotted paths ("metadata", "checkoutOptions.collectBillingAddress",
 * or an unknown "foo"). A parent entry ("checkoutOptions") allows all its known children; an unknown
 * child is refused even then, since the schema would drop it silently. `customerId` is always
 * accepted: the handler checks it against the identity instead. `null` counts as absent, as it
 * does everywhere in the contract.
 */
/** The known dotted children of each top-level field ("checkoutOptions" → its fields), made once. */
let childrenOf: Map<string, string[]> | undefined;
function knownChildrenOf(key: string): string[] {
  if (!childrenOf) {
    childrenOf = new Map();
    for (const field of KNOWN_FIELDS) {
      const dot = field.indexOf(".");
      if (dot < 0) continue;
      const parent = field.slice(0, dot);
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), field]);
    }
  }
  return childrenOf.get(key) ?? [];
}

export function disallowedProvisionFields(body: Record<string, unknown>, allowed: ReadonlySet<string>): string[] {
  const refused: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined || key === "customerId") continue;
    const childPrefix = `${key}.`;
    const knownChildren = knownChildrenOf(key);
    if (knownChildren.length === 0) {
      if (!allowed.has(key)) refused.push(key);
      continue;
    }
    const allowsAllChildren = allowed.has(key);
    if (!isPlainObject(value)) {
      // Not an object where one belongs: the schema check answers that, if any part is allowed.
      if (!allowsAllChildren && !knownChildren.some((field) => allowed.has(field))) refused.push(key);
      continue;
    }
    for (const [child, childValue] of Object.entries(value)) {
      if (childValue === null || childValue === undefined) continue;
      const path = childPrefix + child;
      if (!KNOWN_FIELDS.has(path) || !(allowsAllChildren || allowed.has(path))) refused.push(path);
    }
  }
  return refused;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
