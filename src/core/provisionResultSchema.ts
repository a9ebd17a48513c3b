/**
 * The schema of the provision answer (SUCCESS with the subscription, or PAYMENT_REQUIRED with the
 * checkout). Apart from schemas.ts because a page needs it only once a user clicks: the client
 * loads it while the POST is in flight, so the first load stays smaller and the click waits no longer.
 */
import type { ProvisionSubscriptionResult } from "./contract.js";
import * as v from "./schemaKit.js";
import { literal, variant } from "./schemaVariant.js";
import { nonEmptyString, subscription, type Same } from "./schemas.js";

export const provisionResultSchema = variant("status", {
  SUCCESS: v.object({ status: literal("SUCCESS"), subscription }),
  PAYMENT_REQUIRED: v.object({
    status: literal("PAYMENT_REQUIRED"),
    checkoutUrl: nonEmptyString,
    checkoutBillingId: v.optional(v.string),
    checkoutClientSecret: v.optional(v.string),
  }),
});

true satisfies Same<v.Infer<typeof provisionResultSchema>, ProvisionSubscriptionResult>;
