// The same representative schema as zod-mini-entry.ts, in valibot. Only for measuring size.
import * as v from "valibot";

const price = v.object({
  billingPeriod: v.picklist(["MONTHLY", "ANNUALLY"]),
  pricingModel: v.picklist(["FLAT_FEE", "PER_UNIT", "USAGE_BASED"]),
  amount: v.pipe(v.number(), v.minValue(0)),
  currency: v.pipe(v.string(), v.regex(/^[A-Za-z]{3}$/)),
  minUnitQuantity: v.optional(v.nullable(v.number())),
});
const plan = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  displayName: v.string(),
  description: v.optional(v.nullable(v.string())),
  order: v.number(),
  pricePoints: v.array(price),
  metadata: v.optional(v.record(v.string(), v.string())),
});
const result = v.variant("status", [
  v.object({ status: v.literal("SUCCESS"), plan }),
  v.object({ status: v.literal("PAYMENT_REQUIRED"), checkoutUrl: v.string() }),
]);
export const check = (input: unknown) => {
  const parsed = v.safeParse(v.object({ plans: v.array(plan), result }), input);
  return parsed.success ? parsed.output : parsed.issues.map((issue) => v.getDotPath(issue));
};
