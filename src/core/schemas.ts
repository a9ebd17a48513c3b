/**
 * Runtime schemas for the endpoint contract. The client validates every response with them, the
 * server validates request bodies with them. valibot was chosen over zod/mini by measured size:
 * see bench/schema-size.ts.
 *
 * Extra fields are allowed and dropped (so newer backends do not break older clients). Optional
 * fields also accept `null`, which many backends (Stigg's SDK among them) send for "absent", and
 * turn it into `undefined` so the parsed data matches the TypeScript types exactly.
 */
import * as v from "valibot";
import type {
  Addon,
  BillingInformation,
  CheckoutOptions,
  Customer,
  CustomerResponse,
  Entitlement,
  ErrorBody,
  Plan,
  PlansResponse,
  Price,
  ProvisionSubscriptionParams,
  ProvisionSubscriptionResult,
  Subscription,
  SubscriptionAddon,
} from "./contract.js";

/** Optional field: absent or null both become `undefined`. */
const optional = <S extends v.GenericSchema>(schema: S) =>
  v.pipe(
    v.nullish(schema),
    v.transform((value): v.InferOutput<S> | undefined => value ?? undefined),
  );

const nonEmptyString = v.pipe(v.string(), v.minLength(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const billingPeriod = v.picklist(["MONTHLY", "ANNUALLY"]);
const stringRecord = v.record(v.string(), v.string());

const price = v.object({
  billingPeriod,
  pricingModel: v.picklist(["FLAT_FEE", "PER_UNIT", "USAGE_BASED"]),
  amount: v.pipe(v.number(), v.minValue(0)),
  currency: v.pipe(v.string(), v.regex(/^[A-Za-z]{3}$/)),
  feature: optional(
    v.object({
      featureId: nonEmptyString,
      units: optional(v.string()),
      unitsPlural: optional(v.string()),
    }),
  ),
  minUnitQuantity: optional(count),
  maxUnitQuantity: optional(count),
});

const entitlement = v.object({
  featureId: nonEmptyString,
  displayName: v.string(),
  featureType: v.picklist(["BOOLEAN", "NUMBER"]),
  usageLimit: v.nullish(v.number()),
  isUnlimited: optional(v.boolean()),
  units: optional(v.string()),
  unitsPlural: optional(v.string()),
});

const addon = v.object({
  id: nonEmptyString,
  displayName: v.string(),
  pricePoints: v.array(price),
  maxQuantity: optional(count),
});

const plan = v.object({
  id: nonEmptyString,
  displayName: v.string(),
  description: optional(v.string()),
  order: v.number(),
  pricingType: v.picklist(["FREE", "PAID", "CUSTOM"]),
  pricePoints: v.array(price),
  entitlements: v.array(entitlement),
  basePlanId: optional(v.string()),
  defaultTrialConfig: optional(
    v.object({ duration: v.pipe(v.number(), v.minValue(0)), units: v.picklist(["DAY", "MONTH"]) }),
  ),
  compatibleAddons: optional(v.array(addon)),
  productId: optional(v.string()),
  metadata: optional(stringRecord),
});

const subscriptionAddon = v.object({ addonId: nonEmptyString, quantity: count });

const subscription = v.object({
  id: nonEmptyString,
  planId: nonEmptyString,
  status: v.picklist(["ACTIVE", "IN_TRIAL", "PAYMENT_PENDING", "CANCELED", "EXPIRED", "NOT_STARTED"]),
  billingPeriod: optional(billingPeriod),
  unitQuantity: optional(count),
  addons: optional(v.array(subscriptionAddon)),
  startDate: v.string(),
  trialEndDate: optional(v.string()),
  currentBillingPeriodEnd: optional(v.string()),
});

const customer = v.object({
  id: nonEmptyString,
  subscriptions: v.array(subscription),
  hasPaymentMethod: optional(v.boolean()),
  trialedPlanIds: optional(v.array(v.string())),
});

export const plansResponseSchema = v.object({ plans: v.array(plan) });
export const customerResponseSchema = v.object({ customer });
export const provisionResultSchema = v.variant("status", [
  v.object({ status: v.literal("SUCCESS"), subscription }),
  v.object({
    status: v.literal("PAYMENT_REQUIRED"),
    checkoutUrl: nonEmptyString,
    checkoutBillingId: optional(v.string()),
  }),
]);
export const errorBodySchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
});

const billingInformation = v.object({
  taxRateIds: optional(v.array(v.string())),
  taxPercentage: optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
});

const checkoutOptions = v.object({
  successUrl: nonEmptyString,
  cancelUrl: nonEmptyString,
  allowPromoCodes: optional(v.boolean()),
  collectBillingAddress: optional(v.boolean()),
});

export const provisionParamsSchema = v.object({
  customerId: nonEmptyString,
  planId: nonEmptyString,
  addons: optional(v.array(subscriptionAddon)),
  startDate: optional(v.pipe(v.string(), v.isoTimestamp())),
  id: optional(nonEmptyString),
  billingPeriod: optional(billingPeriod),
  unitQuantity: optional(v.pipe(count, v.minValue(1))),
  billingInformation: optional(billingInformation),
  checkoutOptions: optional(checkoutOptions),
  metadata: optional(stringRecord),
});

export type SchemaIssue = { path: string; message: string };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

/** Validates `input`; never throws. Issues name the failing path ("plans.0.order"). */
export function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ParseResult<T> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      path: v.getDotPath(issue) ?? "",
      message: issue.message,
    })),
  };
}

// Compile-time proof that each schema's output is exactly its contract type, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Out<S extends v.GenericSchema> = v.InferOutput<S>;
true satisfies Same<Out<typeof price>, Price>;
true satisfies Same<Out<typeof entitlement>, Entitlement>;
true satisfies Same<Out<typeof addon>, Addon>;
true satisfies Same<Out<typeof plan>, Plan>;
true satisfies Same<Out<typeof subscription>, Subscription>;
true satisfies Same<Out<typeof customer>, Customer>;
true satisfies Same<Out<typeof plansResponseSchema>, PlansResponse>;
true satisfies Same<Out<typeof customerResponseSchema>, CustomerResponse>;
true satisfies Same<Out<typeof provisionResultSchema>, ProvisionSubscriptionResult>;
true satisfies Same<Out<typeof errorBodySchema>, ErrorBody>;
true satisfies Same<Out<typeof billingInformation>, BillingInformation>;
true satisfies Same<Out<typeof checkoutOptions>, CheckoutOptions>;
true satisfies Same<Out<typeof subscriptionAddon>, SubscriptionAddon>;
true satisfies Same<Out<typeof provisionParamsSchema>, ProvisionSubscriptionParams>;
