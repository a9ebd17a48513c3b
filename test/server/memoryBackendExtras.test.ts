/** The memory backend's entitlements, usage, embedded checkout and simulated webhook lag. */
import { describe, expect, it } from "vitest";
import { demoPlans } from "../../demo/catalog.js";
import type { Plan } from "../../src/core/contract.js";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";

const context = { checkoutBaseUrl: "http://shop.test/api/upgrade/checkout", request: new Request("http://shop.test/") };

describe("memory backend entitlements", () => {
  it("grants what the live plan grants, inherited and from add-ons, with recorded usage", async () => {
    const plans: Plan[] = demoPlans.map((plan) =>
      plan.id === "plan-basic"
        ? {
            ...plan,
            compatibleAddons: plan.compatibleAddons?.map((addon) => ({
              ...addon,
              entitlements: [{ featureId: "storage", displayName: "Storage", featureType: "NUMBER" as const, usageLimit: 100 }],
            })),
          }
        : plan,
    );
    const backend = createMemoryBackend({
      plans,
      customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }],
      usage: { c1: { projects: 3 } },
    });
    expect((await backend.getCustomer("c1"))?.entitlements).toEqual([]);

    await backend.provisionSubscription({ customerId: "c1", planId: "plan-free" }, context);
    const onFree = (await backend.getCustomer("c1"))?.entitlements ?? [];
    expect(onFree.find((entitlement) => entitlement.featureId === "projects")).toMatchObject({ usageLimit: 3, currentUsage: 3, hasAccess: true });

    await backend.provisionSubscription(
      { customerId: "c1", planId: "plan-basic", billingPeriod: "MONTHLY", addons: [{ addonId: "addon-storage", quantity: 2 }] },
      context,
    );
    const onBasic = (await backend.getCustomer("c1"))?.entitlements ?? [];
    expect(onBasic.find((entitlement) => entitlement.featureId === "storage")).toMatchObject({ usageLimit: 250 });
    expect(onBasic.find((entitlement) => entitlement.featureId === "custom-domain")).toMatchObject({ hasAccess: true });

    backend.setUsage("c1", "projects", 7);
    expect((await backend.getCustomer("c1"))?.entitlements?.find((entitlement) => entitlement.featureId === "projects")).toMatchObject({ currentUsage: 7 });
    backend.reset();
    expect((await backend.getCustomer("c1"))?.entitlements).toEqual([]);
  });
});

describe("memory backend embedded checkout", () => {
  it("answers a client secret named after the session, and paying the session completes it", async () => {
    const backend = createMemoryBackend({ plans: demoPlans, checkoutMode: "embedded" });
    const result = await backend.provisionSubscription({ customerId: "c1", planId: "plan-basic", billingPeriod: "MONTHLY" }, context);
    if (result.status !== "PAYMENT_REQUIRED") throw new Error("expected checkout");
    expect(result.checkoutClientSecret).toMatch(new RegExp(`^${result.checkoutBillingId}_secret_`));
    await backend.checkout.pay(result.checkoutBillingId!);
    expect((await backend.getCustomer("c1"))?.subscriptions).toMatchObject([{ planId: "plan-basic", status: "ACTIVE" }]);
  });

  it("redirect mode sends no client secret", async () => {
    const backend = createMemoryBackend({ plans: demoPlans });
    const result = await backend.provisionSubscription({ customerId: "c1", planId: "plan-basic" }, context);
    expect(result).not.toHaveProperty("checkoutClientSecret");
  });
});

describe("memory backend webhook lag", () => {
  it("a paid checkout's plan goes live only after the delay; the old plan stays until then", async () => {
    let time = Date.parse("2026-05-01T00:00:00Z");
    const backend = createMemoryBackend({
      plans: demoPlans,
      customers: [{ id: "c1", subscriptions: [{ id: "s0", planId: "plan-free", status: "ACTIVE", startDate: "2026-01-01T00:00:00Z" }] }],
      activationDelayMs: 3_000,
      now: () => new Date(time),
    });
    const result = await backend.provisionSubscription({ customerId: "c1", planId: "plan-basic", billingPeriod: "MONTHLY" }, context);
    if (result.status !== "PAYMENT_REQUIRED") throw new Error("expected checkout");
    await backend.checkout.pay(result.checkoutBillingId!);
    await backend.checkout.pay(result.checkoutBillingId!); // a double submit changes nothing

    time += 2_999;
    expect((await backend.getCustomer("c1"))?.subscriptions.map((subscription) => [subscription.planId, subscription.status])).toEqual([
      ["plan-free", "ACTIVE"],
    ]);
    time += 1;
    expect((await backend.getCustomer("c1"))?.subscriptions.map((subscription) => [subscription.planId, subscription.status])).toEqual([
      ["plan-free", "CANCELED"],
      ["plan-basic", "ACTIVE"],
    ]);
  });
});
