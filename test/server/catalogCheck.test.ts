/**
 * The handler checks every provision against the customer's catalog (`backend.getPlans`) before
 * anything is claimed, whatever the backend: here one that, like a billing API, would provision any
 * plan and add-on it is given.
 */
import { describe, expect, it, vi } from "vitest";
import type { Plan } from "../../src/core/contract.js";
import type { UpgradeBackend } from "../../src/server/backend.js";
import { createUpgradeHandler, type UpgradeHandlerOptions } from "../../src/server/createUpgradeHandler.js";
import { NOW, errorOf, identifyByHeader, plans, provisionRequest } from "./fixtures.js";

/** "enterprise" is hidden: the paywall does not list it, though billing would sell it. */
const listed: Plan[] = plans.filter((plan) => plan.id !== "enterprise");

function acceptEverything(options: Partial<UpgradeHandlerOptions> = {}) {
  const getPlans = vi.fn<UpgradeBackend["getPlans"]>(async () => structuredClone(listed));
  const provisionSubscription = vi.fn<UpgradeBackend["provisionSubscription"]>(async (params) => ({
    status: "SUCCESS",
    subscription: { id: crypto.randomUUID(), planId: params.planId, status: "ACTIVE", startDate: NOW.toISOString() },
  }));
  const backend: UpgradeBackend = { getPlans, getCustomer: async () => null, provisionSubscription };
  const handler = createUpgradeHandler({ backend, identify: identifyByHeader, ...options });
  return { handler, getPlans, provisionSubscription };
}

describe("the catalog is enforced by the handler", () => {
  it.each([
    ["a plan the paywall does not list", { planId: "enterprise" }, 404, "PLAN_NOT_FOUND"],
    ["a made-up plan", { planId: "platinum" }, 404, "PLAN_NOT_FOUND"],
    ["an add-on the plan does not offer", { planId: "basic", addons: [{ addonId: "storage", quantity: 1 }] }, 400, "ADDON_NOT_AVAILABLE"],
    ["more of an add-on than it allows", { planId: "pro", addons: [{ addonId: "storage", quantity: 4 }] }, 400, "INVALID_ADDON_QUANTITY"],
    ["a quantity of 999999", { planId: "pro", unitQuantity: 999_999 }, 400, "INVALID_UNIT_QUANTITY"],
    ["a period the plan is not sold in", { planId: "pro", billingPeriod: "ANNUALLY" }, 400, "BILLING_PERIOD_NOT_AVAILABLE"],
  ])("%s is refused and never reaches the backend", async (_name, body, status, code) => {
    const { handler, provisionSubscription, getPlans } = acceptEverything();
    expect(await errorOf(await handler(provisionRequest(body, { customerId: "c1" })))).toMatchObject({ status, code });
    expect(provisionSubscription).not.toHaveBeenCalled();
    expect(getPlans).toHaveBeenCalledWith({ customerId: "c1" });
  });

  it("before anything is claimed: the refused request's key then serves a request the catalog allows", async () => {
    const { handler, provisionSubscription } = acceptEverything();
    const refused = await handler(provisionRequest({ planId: "enterprise" }, { customerId: "c1", idempotencyKey: "k" }));
    expect(refused.status).toBe(404);
    const allowed = await handler(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "k" }));
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("idempotent-replayed")).toBeNull();
    expect(provisionSubscription).toHaveBeenCalledTimes(1);
  });

  it("asks for a customer's catalog once per catalogTtlMs, and again after that customer's provision", async () => {
    const { handler, getPlans } = acceptEverything();
    await handler(provisionRequest({ planId: "enterprise" }, { customerId: "c1" }));
    await handler(provisionRequest({ planId: "platinum" }, { customerId: "c1" }));
    expect(getPlans).toHaveBeenCalledTimes(1);
    await handler(provisionRequest({ planId: "platinum" }, { customerId: "c2" }));
    expect(getPlans).toHaveBeenCalledTimes(2);
    // A purchase may change what the customer is offered (a trial used up): the next one reads afresh.
    await handler(provisionRequest({ planId: "free" }, { customerId: "c1" }));
    expect(getPlans).toHaveBeenCalledTimes(2);
    await handler(provisionRequest({ planId: "basic" }, { customerId: "c1" }));
    expect(getPlans).toHaveBeenCalledTimes(3);
  });

  it("with catalogTtlMs 0, reads the catalog on every provision; a failed read is a 500, never a provision", async () => {
    const onError = vi.fn();
    const { handler, getPlans, provisionSubscription } = acceptEverything({ catalogTtlMs: 0, onError });
    await handler(provisionRequest({ planId: "platinum" }, { customerId: "c1" }));
    await handler(provisionRequest({ planId: "platinum" }, { customerId: "c1" }));
    expect(getPlans).toHaveBeenCalledTimes(2);
    getPlans.mockRejectedValueOnce(new Error("billing API down"));
    expect(await errorOf(await handler(provisionRequest({ planId: "basic" }, { customerId: "c1" })))).toMatchObject({
      status: 500,
      code: "INTERNAL_ERROR",
    });
    expect(provisionSubscription).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("a catalog read that failed is not kept: the next provision asks again", async () => {
    const { handler, getPlans } = acceptEverything({ onError: () => {} });
    getPlans.mockRejectedValueOnce(new Error("billing API down"));
    expect((await handler(provisionRequest({ planId: "basic" }, { customerId: "c1" }))).status).toBe(500);
    expect((await handler(provisionRequest({ planId: "basic" }, { customerId: "c1" }))).status).toBe(200);
    expect(getPlans).toHaveBeenCalledTimes(2);
  });
});
