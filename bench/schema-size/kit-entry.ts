// The same representative schema as valibot-entry.ts, in the in-house schemaKit. Only for measuring size.
import * as v from "../../src/core/schemaKit.js";

const price = v.object({
  billingPeriod: v.picklist(["MONTHLY", "ANNUALLY"]),
  pricingModel: v.picklist(["FLAT_FEE", "PER_UNIT", "USAGE_BASED"]),
  amount: v.refine(v.number, (value) => value >= 0, "an amount ≥ 0"),
  currency: v.refine(v.string, (value) => /^[A-Za-z]{3}$/.test(value), "a currency code"),
  minUnitQuantity: v.optional(v.number),
});
const plan = v.object({
  id: v.refine(v.string, (value) => value.length > 0, "a non-empty string"),
  displayName: v.string,
  description: v.optional(v.string),
  order: v.number,
  pricePoints: v.array(price),
  metadata: v.optional(v.record(v.string)),
});
const result = v.variant("status", {
  SUCCESS: v.object({ status: v.literal("SUCCESS"), plan }),
  PAYMENT_REQUIRED: v.object({ status: v.literal("PAYMENT_REQUIRED"), checkoutUrl: v.string }),
});
export const check = (input: unknown) => {
  const parsed = v.parseWith(v.object({ plans: v.array(plan), result }), input);
  return parsed.ok ? parsed.value : parsed.issues.map((issue) => issue.path);
};
