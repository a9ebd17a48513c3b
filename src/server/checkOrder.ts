/**
 * Whether a provision asks for something the plan sells: a plan that can be bought here (not
 * CUSTOM, priced when PAID), one of its billing periods, a unit quantity within its per-unit
 * prices' bounds, and add-ons it offers, each once and within its maximum. The handler runs it
 * against the catalog before anything is claimed, whatever the backend (a billing API would accept
 * any plan of the account, a hidden one, quantity 999999); the memory backend runs it to fill in the
 * defaults (the first period, the minimum quantity). Throws a BackendError (4xx) saying what is wrong.
 */
import type { BillingPeriod, Plan, ProvisionSubscriptionParams, SubscriptionAddon } from "../core/contract.js";
import { isOneOff } from "../core/paywall/priceTotal.js";
import { BackendError } from "./backend.js";

export interface CheckedOrder {
  /** The period billed; `undefined` for a plan without prices. */
  billingPeriod: BillingPeriod | undefined;
  /** Only for plans with a per-unit price; the minimum when the request gave none. */
  unitQuantity: number | undefined;
  addons: SubscriptionAddon[];
}

export function checkOrder(plan: Plan, params: ProvisionSubscriptionParams): CheckedOrder {
  if (plan.pricingType === "CUSTOM") {
    throw new BackendError("PLAN_NOT_PROVISIONABLE", 400, `Plan "${plan.id}" is sold by contract; contact sales.`);
  }
  if (plan.pricingType === "PAID" && plan.pricePoints.length === 0) {
    throw new BackendError("PLAN_NOT_PROVISIONABLE", 400, `Plan "${plan.id}" has no price.`);
  }

  // One-off fees have no period of their own: the periods sold are those of the recurring prices.
  const recurring = plan.pricePoints.filter((price) => !isOneOff(price));
  const periods = [...new Set((recurring.length > 0 ? recurring : plan.pricePoints).map((price) => price.billingPeriod))];
  // A plan without prices (a free tier) has nothing to bill, so whatever period the paywall's
  // switch showed is irrelevant rather than an error.
  let billingPeriod: BillingPeriod | undefined = periods[0];
  if (periods.length > 0 && params.billingPeriod !== undefined) {
    if (!periods.includes(params.billingPeriod)) {
      throw new BackendError(
        "BILLING_PERIOD_NOT_AVAILABLE",
        400,
        `Plan "${plan.id}" is not sold ${params.billingPeriod.toLowerCase()}; available: ${periods.join(", ")}.`,
      );
    }
    billingPeriod = params.billingPeriod;
  }

  // Quantity only means something for per-unit prices; for flat prices it is ignored.
  const perUnitPrices = plan.pricePoints.filter(
    (price) => (price.billingPeriod === billingPeriod || isOneOff(price)) && price.pricingModel === "PER_UNIT",
  );
  let unitQuantity: number | undefined;
  if (perUnitPrices.length > 0) {
    const min = Math.max(1, ...perUnitPrices.map((price) => price.minUnitQuantity ?? 1));
    const max = Math.min(...perUnitPrices.map((price) => price.maxUnitQuantity ?? Number.POSITIVE_INFINITY));
    unitQuantity = params.unitQuantity ?? min;
    if (unitQuantity < min || unitQuantity > max) {
      const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `between ${min} and ${max}`;
      throw new BackendError("INVALID_UNIT_QUANTITY", 400, `Unit quantity must be ${range}; got ${unitQuantity}.`);
    }
  }

  const addons: SubscriptionAddon[] = [];
  for (const requested of params.addons ?? []) {
    const addon = plan.compatibleAddons?.find((candidate) => candidate.id === requested.addonId);
    if (!addon) {
      throw new BackendError("ADDON_NOT_AVAILABLE", 400, `Add-on "${requested.addonId}" is not available on plan "${plan.id}".`);
    }
    if (addons.some((chosen) => chosen.addonId === requested.addonId)) {
      throw new BackendError("INVALID_ADDON_QUANTITY", 400, `Add-on "${requested.addonId}" is listed more than once.`);
    }
    const max = addon.maxQuantity ?? Number.POSITIVE_INFINITY;
    if (requested.quantity < 1 || requested.quantity > max) {
      throw new BackendError("INVALID_ADDON_QUANTITY", 400, `Add-on "${requested.addonId}" quantity is out of range.`);
    }
    addons.push({ addonId: requested.addonId, quantity: requested.quantity });
  }

  return { billingPeriod, unitQuantity, addons };
}
