/** Demo customers in the states the stories need. */
import type { BillingPeriod, Customer } from "../../src/index.js";
import { DEMO_CUSTOMER_ID } from "../../demo/catalog.js";

export interface CustomerOnPlanOptions {
  billingPeriod?: BillingPeriod;
  unitQuantity?: number;
  /** Plans whose trial the customer has used up. */
  trialedPlanIds?: string[];
  /** A card on file: paid plans provision at once, without checkout. */
  hasPaymentMethod?: boolean;
}

/** The demo customer, on `planId` since January 2026. */
export function customerOn(planId: string, options: CustomerOnPlanOptions = {}): Customer {
  return {
    id: DEMO_CUSTOMER_ID,
    subscriptions: [
      {
        id: `sub-${planId}`,
        planId,
        status: "ACTIVE",
        startDate: "2026-01-05T09:00:00.000Z",
        ...(options.billingPeriod && { billingPeriod: options.billingPeriod }),
        ...(options.unitQuantity !== undefined && { unitQuantity: options.unitQuantity }),
      },
    ],
    hasPaymentMethod: options.hasPaymentMethod ?? false,
    trialedPlanIds: options.trialedPlanIds ?? [],
  };
}
