// The same representative schema as valibot-entry.ts, in zod/mini. Only for measuring size.
import * as z from "zod/mini";

const price = z.object({
  billingPeriod: z.enum(["MONTHLY", "ANNUALLY"]),
  pricingModel: z.enum(["FLAT_FEE", "PER_UNIT", "USAGE_BASED"]),
  amount: z.number().check(z.minimum(0)),
  currency: z.string().check(z.regex(/^[A-Za-z]{3}$/)),
  minUnitQuantity: z.optional(z.nullable(z.number())),
});
const plan = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.string(),
  description: z.optional(z.nullable(z.string())),
  order: z.number(),
  pricePoints: z.array(price),
  metadata: z.optional(z.record(z.string(), z.string())),
});
const result = z.discriminatedUnion("status", [
  z.object({ status: z.literal("SUCCESS"), plan }),
  z.object({ status: z.literal("PAYMENT_REQUIRED"), checkoutUrl: z.string() }),
]);
export const check = (input: unknown) => {
  const parsed = z.safeParse(z.object({ plans: z.array(plan), result }), input);
  return parsed.success ? parsed.data : parsed.error.issues.map((issue) => issue.path.join("."));
};
