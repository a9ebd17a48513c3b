/**
 * fast-check arbitraries for the contract's responses: values the schemas accept but nobody would
 * pick by hand (empty names, negative orders, 1e300 prices, a minimum above the maximum, plans
 * that name themselves as their base, unknown plan ids in subscriptions), and mutations that break
 * a valid response in one place.
 */
import fc from "fast-check";
import type { Customer, Plan, ProvisionSubscriptionResult } from "../../../src/core/contract.js";

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "<script>alert(1)</script>", "\u202Eevil", "__proto__", "constructor", "x".repeat(2_000)) },
);
const id = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("p1", "p2", "p3", "basic") }, { weight: 1, arbitrary: text.filter((value) => value.length > 0) });
const finite = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e300, -1e300, 0.1 + 0.2, Number.MAX_SAFE_INTEGER) },
);
const nonNegative = finite.map(Math.abs);
const count = fc.oneof(fc.nat({ max: 100 }), fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER));
const billingPeriod = fc.constantFrom("MONTHLY", "ANNUALLY") as fc.Arbitrary<"MONTHLY" | "ANNUALLY">;
const currency = fc.oneof(fc.constantFrom("USD", "EUR", "JPY", "BHD", "usd"), fc.stringMatching(/^[A-Za-z]{3}$/));
const opt = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const price = fc.record(
  {
    billingPeriod,
    pricingModel: fc.constantFrom("FLAT_FEE", "PER_UNIT", "USAGE_BASED") as fc.Arbitrary<"FLAT_FEE" | "PER_UNIT" | "USAGE_BASED">,
    amount: nonNegative,
    currency,
    feature: fc.record({ featureId: id, units: opt(text), unitsPlural: opt(text) }, { requiredKeys: ["featureId"] }),
    minUnitQuantity: count,
    maxUnitQuantity: count,
  },
  { requiredKeys: ["billingPeriod", "pricingModel", "amount", "currency"] },
);

const entitlement = fc.record(
  {
    featureId: id,
    displayName: text,
    featureType: fc.constantFrom("BOOLEAN", "NUMBER") as fc.Arbitrary<"BOOLEAN" | "NUMBER">,
    usageLimit: fc.option(finite, { nil: null }),
    isUnlimited: fc.boolean(),
    units: text,
    unitsPlural: text,
  },
  { requiredKeys: ["featureId", "displayName", "featureType"] },
);

export const planArb: fc.Arbitrary<Plan> = fc.record(
  {
    id,
    displayName: text,
    description: text,
    order: finite,
    pricingType: fc.constantFrom("FREE", "PAID", "CUSTOM") as fc.Arbitrary<"FREE" | "PAID" | "CUSTOM">,
    pricePoints: fc.array(price, { maxLength: 4 }),
    entitlements: fc.array(entitlement, { maxLength: 4 }),
    basePlanId: id,
    defaultTrialConfig: fc.record({ duration: nonNegative, units: fc.constantFrom("DAY", "MONTH") as fc.Arbitrary<"DAY" | "MONTH"> }),
    compatibleAddons: fc.array(
      fc.record({ id, displayName: text, pricePoints: fc.array(price, { maxLength: 2 }), maxQuantity: count }, { requiredKeys: ["id", "displayName", "pricePoints"] }),
      { maxLength: 2 },
    ),
    productId: fc.constantFrom("app", "other", ""),
    metadata: fc.dictionary(
      fc.constantFrom("hidden", "contactSalesUrl", "badge", "x"),
      fc.constantFrom("true", "false", "https://example.com/sales", "javascript:alert(1)", "", "/relative"),
      { maxKeys: 3 },
    ),
  },
  { requiredKeys: ["id", "displayName", "order", "pricingType", "pricePoints", "entitlements"] },
);

export const plansArb = fc.array(planArb, { maxLength: 6 });

const subscription = fc.record(
  {
    id,
    planId: id,
    status: fc.constantFrom("ACTIVE", "IN_TRIAL", "PAYMENT_PENDING", "CANCELED", "EXPIRED", "NOT_STARTED") as fc.Arbitrary<Customer["subscriptions"][number]["status"]>,
    billingPeriod,
    unitQuantity: count,
    addons: fc.array(fc.record({ addonId: id, quantity: count }), { maxLength: 2 }),
    startDate: fc.oneof(fc.constantFrom("2026-01-01T00:00:00Z", "not a date", ""), text),
    trialEndDate: fc.constantFrom("2026-02-01T00:00:00Z", "yesterday"),
    currentBillingPeriodEnd: fc.constantFrom("2026-03-01T00:00:00Z", ""),
  },
  { requiredKeys: ["id", "planId", "status", "startDate"] },
);

export const customerArb: fc.Arbitrary<Customer> = fc.record(
  {
    id,
    subscriptions: fc.array(subscription, { maxLength: 4 }),
    hasPaymentMethod: fc.boolean(),
    trialedPlanIds: fc.array(id, { maxLength: 3 }),
    entitlements: fc.array(
      fc.record(
        {
          featureId: id,
          displayName: text,
          featureType: fc.constantFrom("BOOLEAN", "NUMBER") as fc.Arbitrary<"BOOLEAN" | "NUMBER">,
          hasAccess: fc.boolean(),
          isUnlimited: fc.boolean(),
          usageLimit: fc.option(finite, { nil: null }),
          currentUsage: finite,
        },
        { requiredKeys: ["featureId", "featureType", "hasAccess"] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ["id", "subscriptions"] },
);

export const provisionResultArb: fc.Arbitrary<ProvisionSubscriptionResult> = fc.oneof(
  subscription.map((value) => ({ status: "SUCCESS" as const, subscription: value })),
  fc.record(
    {
      status: fc.constant("PAYMENT_REQUIRED" as const),
      checkoutUrl: fc.oneof(id, fc.constantFrom("https://checkout.stripe.com/c/1", "javascript:alert(1)", "//evil.test/x", "/api/upgrade/checkout/cs_1")),
      checkoutBillingId: text,
      checkoutClientSecret: text,
    },
    { requiredKeys: ["status", "checkoutUrl"] },
  ),
);

// ---------------------------------------------------------------------------------------------
// Mutations: one place in a valid value changed, the rest left intact.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Mutation {
  /** Picks the node to change, modulo the number of nodes. */
  at: number;
  kind: "replace" | "delete" | "null" | "wrap" | "stringify";
  value: Json;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("replace", "delete", "null", "wrap", "stringify"),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    fc.constantFrom<Json>("", "NaN", -1, 1e308, "__proto__", [], {}, "x".repeat(10_000)),
  ),
});

/** Every node of `root` with a way to change it (the root itself excluded). */
function slots(root: Json): { parent: Json[] | { [key: string]: Json }; key: string | number }[] {
  const found: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach((child, index) => (found.push({ parent: node, key: index }), walk(child)));
    else if (node !== null && typeof node === "object") for (const key of Object.keys(node)) found.push({ parent: node, key }), walk(node[key]!);
  };
  walk(root);
  return found;
}

export function applyMutations(value: unknown, mutations: readonly Mutation[]): Json {
  const root = JSON.parse(JSON.stringify(value)) as Json;
  for (const mutation of mutations) {
    const all = slots(root);
    if (all.length === 0) break;
    const { parent, key } = all[mutation.at % all.length]!;
    const current = (parent as Record<string | number, Json>)[key]!;
    const set = (next: Json) => ((parent as Record<string | number, Json>)[key] = next);
    if (mutation.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (mutation.kind === "null") set(null);
    else if (mutation.kind === "wrap") set([current]);
    else if (mutation.kind === "stringify") set(typeof current === "string" ? Number(current) : JSON.stringify(current));
    else set(mutation.value);
  }
  return root;
}
