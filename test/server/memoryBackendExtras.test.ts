/** The memory backend's entitlements, usage, embedded checkout and simulated webhook lag. */
import { describe, expect, it } from "vitest";
import { demoPlans } from "../../demo/catalog.js";
import type { Plan } from "../../src/core/contract.js";
import { renderCheckoutPage } from "../../src/server/checkoutPages.js";
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

describe("memory backend checkout for Stigg's pricing", () => {
  const seat = { featureId: "seats", units: "seat", unitsPlural: "seats" };
  const plans: Plan[] = [
    {
      id: "team",
      displayName: "Team",
      order: 1,
      pricingType: "PAID",
      pricePoints: [
        { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 20, currency: "USD" },
        { billingPeriod: "MONTHLY", pricingModel: "PER_UNIT", amount: 8, currency: "USD", feature: seat },
        // Listed under the annual period only, and still not a reason to sell Team annually.
        { billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 150, currency: "USD", billingCadence: "ONE_OFF" },
      ],
      entitlements: [{ featureId: "sso", displayName: "SSO", featureType: "BOOLEAN", isGranted: false }],
      compatibleAddons: [
        {
          id: "onboarding",
          displayName: "Onboarding",
          pricePoints: [{ billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 100, currency: "USD", billingCadence: "ONE_OFF" }],
        },
      ],
    },
    {
      id: "business",
      displayName: "Business",
      order: 2,
      pricingType: "PAID",
      pricePoints: [{ billingPeriod: "MONTHLY", pricingModel: "PER_UNIT", amount: 40, currency: "USD", feature: seat, blockSize: 5 }],
      entitlements: [],
    },
  ];
  const customers = [{ id: "c1", subscriptions: [] }];

  async function session(params: { planId: string; unitQuantity?: number; addons?: { addonId: string; quantity: number }[] }) {
    const backend = createMemoryBackend({ plans, customers });
    const result = await backend.provisionSubscription({ customerId: "c1", ...params }, context);
    if (result.status !== "PAYMENT_REQUIRED") throw new Error("expected PAYMENT_REQUIRED");
    return { backend, view: await backend.checkout.get(result.checkoutBillingId!) };
  }

  it("charges a flat fee plus seats each period, and one-off fees once", async () => {
    const { view } = await session({ planId: "team", unitQuantity: 7, addons: [{ addonId: "onboarding", quantity: 1 }] });
    expect(view).toMatchObject({ amount: 76, oneOffAmount: 250, billingPeriod: "MONTHLY", unitQuantity: 7 });
    const page = renderCheckoutPage(view!, "/api/upgrade/checkout/cs_1");
    expect(page).toContain("$76");
    expect(page).toContain("+ $250 one-time");
  });

  it("charges seats in whole blocks", async () => {
    expect((await session({ planId: "business", unitQuantity: 6 })).view).toMatchObject({ amount: 80 });
    expect((await session({ planId: "business", unitQuantity: 5 })).view?.oneOffAmount).toBeUndefined();
  });

  it("does not sell a plan in a period only a one-off fee is listed under", async () => {
    const backend = createMemoryBackend({ plans, customers });
    await expect(
      backend.provisionSubscription({ customerId: "c1", planId: "team", billingPeriod: "ANNUALLY" }, context),
    ).rejects.toMatchObject({ code: "BILLING_PERIOD_NOT_AVAILABLE" });
  });

  it("grants nothing for a feature the plan lists as not included", async () => {
    const backend = createMemoryBackend({ plans, customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] });
    await backend.provisionSubscription({ customerId: "c1", planId: "team", unitQuantity: 1 }, context);
    expect((await backend.getCustomer("c1"))?.entitlements).toEqual([]);
  });
});
