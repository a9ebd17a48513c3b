import { describe, expect, it } from "vitest";
import type { ProvisionSubscriptionParams } from "../../src/core/contract.js";
import { BackendError } from "../../src/server/backend.js";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { NOW, plans } from "./fixtures.js";

const CHECKOUT_BASE = "http://shop.test/api/upgrade/checkout";
const context = { checkoutBaseUrl: CHECKOUT_BASE, request: new Request("http://shop.test/") };

function setup(options: Partial<Parameters<typeof createMemoryBackend>[0]> = {}) {
  const backend = createMemoryBackend({ plans, now: () => new Date(NOW), ...options });
  const provision = (params: Omit<ProvisionSubscriptionParams, "customerId"> & { customerId?: string }) =>
    backend.provisionSubscription({ customerId: "c1", ...params }, context);
  return { backend, provision };
}

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

describe("createMemoryBackend", () => {
  describe("getPlans", () => {
    it("returns all plans, or those of one product", async () => {
      const { backend } = setup();
      expect((await backend.getPlans({})).map((plan) => plan.id)).toEqual(plans.map((plan) => plan.id));
      expect((await backend.getPlans({ productId: "analytics" })).map((plan) => plan.id)).toEqual(["insights"]);
      expect(await backend.getPlans({ productId: "nope" })).toEqual([]);
    });

    it("hands out copies, so callers cannot change the catalogue", async () => {
      const { backend } = setup();
      const first = await backend.getPlans({});
      first[0]!.displayName = "Hacked";
      first.pop();
      const again = await backend.getPlans({});
      expect(again[0]!.displayName).toBe("Free");
      expect(again).toHaveLength(plans.length);
    });

    it("rejects invalid plan data at creation", () => {
      const broken = [{ ...plans[0]!, order: "first" }] as unknown as typeof plans;
      expect(() => createMemoryBackend({ plans: broken })).toThrow(/invalid plans.*order/);
      expect(() => createMemoryBackend({ plans: [plans[0]!, plans[0]!] })).toThrow(/duplicate plan id "free"/);
    });
  });

  describe("getCustomer", () => {
    it("creates an unknown customer on first sight, with nothing yet", async () => {
      const { backend } = setup();
      expect(await backend.getCustomer("new-person")).toEqual({
        id: "new-person",
        subscriptions: [],
        hasPaymentMethod: false,
        trialedPlanIds: [],
        entitlements: [],
      });
      expect(backend.getState().customers.map((customer) => customer.id)).toEqual(["new-person"]);
    });

    it("knows the initial customers and hands out copies", async () => {
      const { backend } = setup({
        customers: [{ id: "vip", subscriptions: [], hasPaymentMethod: true }],
      });
      const customer = await backend.getCustomer("vip");
      expect(customer).toMatchObject({ id: "vip", hasPaymentMethod: true, trialedPlanIds: [] });
      customer!.hasPaymentMethod = false;
      customer!.subscriptions.push({ id: "x", planId: "basic", status: "ACTIVE", startDate: NOW.toISOString() });
      expect(await backend.getCustomer("vip")).toMatchObject({ hasPaymentMethod: true, subscriptions: [] });
    });
  });

  describe("provisionSubscription", () => {
    it("starts a FREE plan at once, ACTIVE, without billing dates", async () => {
      const { backend, provision } = setup();
      const result = await provision({ planId: "free", billingPeriod: "MONTHLY" });
      expect(result).toEqual({
        status: "SUCCESS",
        subscription: {
          id: expect.stringMatching(/^sub_/),
          planId: "free",
          status: "ACTIVE",
          addons: [],
          startDate: NOW.toISOString(),
        },
      });
      expect((await backend.getCustomer("c1"))!.subscriptions).toHaveLength(1);
    });

    it("starts a trial for a plan the customer has not trialed, once", async () => {
      const { backend, provision } = setup();
      const first = await provision({ planId: "pro" });
      expect(first).toMatchObject({
        status: "SUCCESS",
        subscription: {
          planId: "pro",
          status: "IN_TRIAL",
          billingPeriod: "MONTHLY",
          unitQuantity: 2,
          startDate: "2025-01-31T12:00:00.000Z",
          trialEndDate: "2025-02-14T12:00:00.000Z",
          currentBillingPeriodEnd: "2025-02-14T12:00:00.000Z",
        },
      });
      expect((await backend.getCustomer("c1"))!.trialedPlanIds).toEqual(["pro"]);

      // The trial is used up: without a payment method the second attempt goes to checkout.
      const second = await provision({ planId: "pro" });
      expect(second.status).toBe("PAYMENT_REQUIRED");
    });

    it("counts a trial in months from the plan's trial config", async () => {
      const monthlyTrial = plans.map((plan) =>
        plan.id === "pro" ? { ...plan, defaultTrialConfig: { duration: 1, units: "MONTH" as const } } : plan,
      );
      const { provision } = setup({ plans: monthlyTrial });
      const result = await provision({ planId: "pro" });
      // Jan 31 + 1 month clamps to Feb 28 rather than overflowing into March.
      expect(result).toMatchObject({ subscription: { trialEndDate: "2025-02-28T12:00:00.000Z" } });
    });

    it("starts a PAID plan ACTIVE when the customer has a payment method", async () => {
      const { provision } = setup({ customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] });
      const result = await provision({ planId: "basic", billingPeriod: "ANNUALLY" });
      expect(result).toMatchObject({
        status: "SUCCESS",
        subscription: {
          planId: "basic",
          status: "ACTIVE",
          billingPeriod: "ANNUALLY",
          startDate: "2025-01-31T12:00:00.000Z",
          currentBillingPeriodEnd: "2026-01-31T12:00:00.000Z",
        },
      });
      // Flat prices have no quantity to record.
      expect(result).not.toHaveProperty("subscription.unitQuantity");
    });

    it("asks for payment on a PAID plan without a payment method, and subscribes nobody yet", async () => {
      const { backend, provision } = setup();
      const result = await provision({ planId: "basic" });
      expect(result).toEqual({
        status: "PAYMENT_REQUIRED",
        checkoutUrl: expect.stringMatching(new RegExp(`^${CHECKOUT_BASE}/cs_[0-9a-f]{32}$`)),
        checkoutBillingId: expect.stringMatching(/^cs_/),
      });
      if (result.status !== "PAYMENT_REQUIRED") return;
      expect(result.checkoutUrl).toBe(`${CHECKOUT_BASE}/${result.checkoutBillingId}`);
      expect((await backend.getCustomer("c1"))!.subscriptions).toEqual([]);
      expect(backend.checkout.get(result.checkoutBillingId!)).toEqual({
        id: result.checkoutBillingId,
        planName: "Basic",
        amount: 10,
        currency: "USD",
        billingPeriod: "MONTHLY",
        status: "OPEN",
      });
    });

    it("refuses CUSTOM plans and unknown plans", async () => {
      const { provision } = setup();
      const custom = await rejection(provision({ planId: "enterprise" }));
      expect([custom.code, custom.status]).toEqual(["PLAN_NOT_PROVISIONABLE", 400]);
      const unknown = await rejection(provision({ planId: "nope" }));
      expect([unknown.code, unknown.status]).toEqual(["PLAN_NOT_FOUND", 404]);
    });

    it("keeps one live subscription per product, leaving other products alone", async () => {
      const { backend, provision } = setup({ customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] });
      await provision({ planId: "free" });
      await provision({ planId: "insights" });
      await provision({ planId: "basic" });
      const statuses = (await backend.getCustomer("c1"))!.subscriptions.map((s) => [s.planId, s.status]);
      expect(statuses).toEqual([
        ["free", "CANCELED"],
        ["insights", "ACTIVE"],
        ["basic", "ACTIVE"],
      ]);
    });

    it("treats plans without a product as one product", async () => {
      const unproductized = plans.map(({ productId: _ignored, ...plan }) => plan);
      const { backend, provision } = setup({
        plans: unproductized,
        customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }],
      });
      await provision({ planId: "insights" });
      await provision({ planId: "basic" });
      const statuses = (await backend.getCustomer("c1"))!.subscriptions.map((s) => s.status);
      expect(statuses).toEqual(["CANCELED", "ACTIVE"]);
    });

    it("validates the billing period against the plan's prices, defaulting to the first", async () => {
      const { provision } = setup({ customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] });
      const error = await rejection(provision({ planId: "insights", billingPeriod: "MONTHLY" }));
      expect([error.code, error.status]).toEqual(["BILLING_PERIOD_NOT_AVAILABLE", 400]);
      expect(await provision({ planId: "insights" })).toMatchObject({ subscription: { billingPeriod: "ANNUALLY" } });
    });

    it("validates the unit quantity against per-unit limits, defaulting to the minimum", async () => {
      const { provision } = setup({ customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] });
      for (const unitQuantity of [1, 51]) {
        const error = await rejection(provision({ planId: "pro", unitQuantity }));
        expect([error.code, error.status, error.message]).toEqual([
          "INVALID_UNIT_QUANTITY",
          400,
          `Unit quantity must be between 2 and 50; got ${unitQuantity}.`,
        ]);
      }
      expect(await provision({ planId: "pro", unitQuantity: 50 })).toMatchObject({ subscription: { unitQuantity: 50 } });
    });

    it("defaults the unit quantity to 1 when the price sets no minimum", async () => {
      const noMinimum = plans.map((plan) =>
        plan.id === "pro"
          ? { ...plan, pricePoints: plan.pricePoints.map(({ minUnitQuantity: _m, ...price }) => price) }
          : plan,
      );
      const { provision } = setup({ plans: noMinimum });
      expect(await provision({ planId: "pro" })).toMatchObject({ subscription: { unitQuantity: 1 } });
    });

    it("validates add-ons against the plan", async () => {
      const { provision } = setup({ customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] });
      const unknown = await rejection(provision({ planId: "pro", addons: [{ addonId: "gpu", quantity: 1 }] }));
      expect(unknown.code).toBe("ADDON_NOT_AVAILABLE");
      const tooMany = await rejection(provision({ planId: "pro", addons: [{ addonId: "storage", quantity: 4 }] }));
      expect(tooMany.code).toBe("INVALID_ADDON_QUANTITY");
      const twice = await rejection(
        provision({
          planId: "pro",
          addons: [
            { addonId: "storage", quantity: 1 },
            { addonId: "storage", quantity: 1 },
          ],
        }),
      );
      expect(twice.code).toBe("INVALID_ADDON_QUANTITY");
      const ok = await provision({ planId: "pro", addons: [{ addonId: "storage", quantity: 3 }] });
      expect(ok).toMatchObject({ subscription: { addons: [{ addonId: "storage", quantity: 3 }] } });
    });

    it("uses the caller's subscription id and start date, and refuses a taken id", async () => {
      const { provision } = setup({ customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] });
      const result = await provision({ planId: "basic", id: "sub-mine", startDate: "2025-03-01T00:00:00Z" });
      expect(result).toMatchObject({
        subscription: {
          id: "sub-mine",
          startDate: "2025-03-01T00:00:00.000Z",
          currentBillingPeriodEnd: "2025-04-01T00:00:00.000Z",
        },
      });
      const error = await rejection(provision({ planId: "free", id: "sub-mine" }));
      expect([error.code, error.status]).toEqual(["SUBSCRIPTION_ID_TAKEN", 409]);
    });

    it("does not let callers change stored subscriptions through the answer", async () => {
      const { backend, provision } = setup();
      const result = await provision({ planId: "free" });
      if (result.status === "SUCCESS") result.subscription.status = "CANCELED";
      expect((await backend.getCustomer("c1"))!.subscriptions[0]!.status).toBe("ACTIVE");
    });
  });

  describe("checkout", () => {
    async function openSession(options: Parameters<typeof setup>[0] = {}, params: Partial<ProvisionSubscriptionParams> = {}) {
      const { backend, provision } = setup(options);
      const result = await provision({ planId: "basic", ...params });
      if (result.status !== "PAYMENT_REQUIRED") throw new Error("expected PAYMENT_REQUIRED");
      return { backend, provision, sessionId: result.checkoutBillingId! };
    }

    it("totals per-unit prices and add-ons for the checkout page", async () => {
      const { backend, provision } = setup();
      await provision({ planId: "pro" }); // uses up the trial
      const result = await provision({ planId: "pro", unitQuantity: 3, addons: [{ addonId: "storage", quantity: 2 }] });
      if (result.status !== "PAYMENT_REQUIRED") throw new Error("expected PAYMENT_REQUIRED");
      expect(backend.checkout.get(result.checkoutBillingId!)).toMatchObject({
        planName: "Pro",
        amount: 47.5, // 3 × 12.50 + 2 × 5
        currency: "USD",
        unitQuantity: 3,
        unitsLabel: "seats",
      });
    });

    it("pay: records the payment method, starts the subscription ACTIVE, redirects to successUrl", async () => {
      const checkoutOptions = { successUrl: "http://shop.test/ok", cancelUrl: "http://shop.test/no" };
      const { backend, sessionId } = await openSession({}, { checkoutOptions });
      expect(await backend.checkout.pay(sessionId)).toEqual({ redirectTo: "http://shop.test/ok" });
      const customer = (await backend.getCustomer("c1"))!;
      expect(customer.hasPaymentMethod).toBe(true);
      expect(customer.subscriptions).toMatchObject([{ planId: "basic", status: "ACTIVE", billingPeriod: "MONTHLY" }]);
      expect(backend.checkout.get(sessionId)!.status).toBe("PAID");
    });

    it("pay replaces the live subscription of the same product", async () => {
      const { backend, provision } = setup();
      await provision({ planId: "free" });
      const result = await provision({ planId: "basic" });
      if (result.status !== "PAYMENT_REQUIRED") throw new Error("expected PAYMENT_REQUIRED");
      await backend.checkout.pay(result.checkoutBillingId!);
      const statuses = (await backend.getCustomer("c1"))!.subscriptions.map((s) => [s.planId, s.status]);
      expect(statuses).toEqual([
        ["free", "CANCELED"],
        ["basic", "ACTIVE"],
      ]);
    });

    it("paying twice starts one subscription", async () => {
      const { backend, sessionId } = await openSession();
      const first = await backend.checkout.pay(sessionId);
      const second = await backend.checkout.pay(sessionId);
      expect(second).toEqual(first);
      expect((await backend.getCustomer("c1"))!.subscriptions).toHaveLength(1);
    });

    it("falls back to the handler's done page without return URLs", async () => {
      const { backend, sessionId } = await openSession();
      expect(await backend.checkout.pay(sessionId)).toEqual({ redirectTo: `${CHECKOUT_BASE}/${sessionId}/done` });
    });

    it("cancel: redirects to cancelUrl, subscribes nobody, and closes the session", async () => {
      const checkoutOptions = { successUrl: "http://shop.test/ok", cancelUrl: "http://shop.test/no" };
      const { backend, sessionId } = await openSession({}, { checkoutOptions });
      expect(await backend.checkout.cancel(sessionId)).toEqual({ redirectTo: "http://shop.test/no" });
      expect(await backend.checkout.cancel(sessionId)).toEqual({ redirectTo: "http://shop.test/no" });
      expect((await backend.getCustomer("c1"))!).toMatchObject({ subscriptions: [], hasPaymentMethod: false });
      const payAfterCancel = await rejection(backend.checkout.pay(sessionId));
      expect([payAfterCancel.code, payAfterCancel.status]).toEqual(["CHECKOUT_SESSION_CLOSED", 409]);
    });

    it("cannot cancel a paid session", async () => {
      const { backend, sessionId } = await openSession();
      await backend.checkout.pay(sessionId);
      const error = await rejection(backend.checkout.cancel(sessionId));
      expect(error.code).toBe("CHECKOUT_SESSION_CLOSED");
      expect((await backend.getCustomer("c1"))!.subscriptions[0]!.status).toBe("ACTIVE");
    });

    it("unknown sessions: get is null, pay and cancel are 404", async () => {
      const { backend } = setup();
      expect(await backend.checkout.get("cs_nope")).toBeNull();
      for (const action of [backend.checkout.pay, backend.checkout.cancel]) {
        const error = await rejection(action("cs_nope"));
        expect([error.code, error.status]).toEqual(["CHECKOUT_SESSION_NOT_FOUND", 404]);
      }
    });
  });

  describe("reset and getState", () => {
    it("reset returns to the initial customers and forgets sessions", async () => {
      const { backend, provision } = setup({ customers: [{ id: "vip", subscriptions: [], hasPaymentMethod: true }] });
      await provision({ planId: "basic" });
      await provision({ customerId: "vip", planId: "basic" });
      expect(backend.getState().checkoutSessions).toHaveLength(1);
      expect(backend.getState().customers).toHaveLength(2);

      backend.reset();
      const state = backend.getState();
      expect(state.checkoutSessions).toEqual([]);
      expect(state.customers).toEqual([{ id: "vip", subscriptions: [], hasPaymentMethod: true, trialedPlanIds: [], entitlements: [] }]);
    });

    it("getState is a snapshot", async () => {
      const { backend, provision } = setup();
      await provision({ planId: "free" });
      const state = backend.getState();
      state.customers[0]!.subscriptions = [];
      expect(backend.getState().customers[0]!.subscriptions).toHaveLength(1);
    });
  });
});
