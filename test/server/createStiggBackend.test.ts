/**
 * createStiggBackend against a fake Stigg client that records every call, alone and behind the
 * real handler. The fake answers in the shapes Stigg's SDK and APIs use (ids as `id` or `refId`,
 * Date objects, `provisionStatus` or `status`).
 */
import { describe, expect, it } from "vitest";
import { customerResponseSchema, parseWith, plansResponseSchema } from "../../src/core/schemas.js";
import { BackendError } from "../../src/server/backend.js";
import { createStiggBackend } from "../../src/server/createStiggBackend.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import type { ProvisionField } from "../../src/server/provisionFields.js";
import type {
  StiggClientLike,
  StiggCustomer,
  StiggPaywall,
  StiggProvisionResult,
  StiggProvisionSubscriptionParams,
  StiggSubscription,
} from "../../src/server/stiggClient.js";
import { EVERY_PROVISION_FIELD, errorOf } from "./fixtures.js";

type Call =
  | { method: "getPaywall"; params: { productId?: string } }
  | { method: "getCustomer"; customerId: string }
  | { method: "getActiveSubscriptions"; params: { customerId: string } }
  | { method: "provisionSubscription"; params: StiggProvisionSubscriptionParams };

interface FakeAnswers {
  paywall?: StiggPaywall;
  customer?: StiggCustomer | Error;
  activeSubscriptions?: StiggSubscription[] | null;
  provision?: StiggProvisionResult | Error;
}

/** A Stigg client double: answers what it is given, and records what it was asked. */
function fakeStigg(answers: FakeAnswers = {}) {
  const calls: Call[] = [];
  const answer = <T>(value: T | Error | undefined, what: string): Promise<T> => {
    if (value instanceof Error) return Promise.reject(value);
    if (value === undefined) return Promise.reject(new Error(`fake Stigg has no answer for ${what}`));
    return Promise.resolve(structuredClone(value));
  };
  const client: StiggClientLike = {
    getPaywall(params) {
      calls.push({ method: "getPaywall", params });
      return answer(answers.paywall, "getPaywall");
    },
    getCustomer(customerId) {
      calls.push({ method: "getCustomer", customerId });
      return answer(answers.customer, "getCustomer");
    },
    provisionSubscription(params) {
      calls.push({ method: "provisionSubscription", params });
      return answer(answers.provision, "provisionSubscription");
    },
  };
  const activeSubscriptions = answers.activeSubscriptions;
  // `null` models an SDK version without the method.
  if (activeSubscriptions !== null) {
    client.getActiveSubscriptions = (params) => {
      calls.push({ method: "getActiveSubscriptions", params });
      return answer(activeSubscriptions, "getActiveSubscriptions");
    };
  }
  return { client, calls };
}

const START = new Date("2025-03-01T10:00:00.000Z");

/** A subscription as the node SDK's models hold it: plan object, Date fields, nested add-ons. */
const sdkSubscription: StiggSubscription = {
  id: "subscription-plan-basic",
  status: "ACTIVE",
  plan: { id: "plan-basic" },
  price: { billingPeriod: "MONTHLY" },
  prices: [{ unitQuantity: 2 }],
  addons: [{ quantity: 1, addon: { id: "addon-extra-stuff" } }],
  startDate: START,
  currentBillingPeriodEnd: new Date("2025-04-01T10:00:00.000Z"),
};

const mappedSubscription = {
  id: "subscription-plan-basic",
  planId: "plan-basic",
  status: "ACTIVE",
  billingPeriod: "MONTHLY",
  unitQuantity: 2,
  addons: [{ addonId: "addon-extra-stuff", quantity: 1 }],
  startDate: "2025-03-01T10:00:00.000Z",
  currentBillingPeriodEnd: "2025-04-01T10:00:00.000Z",
};

/** The seed example's call, as Stigg documents it (startDate as an ISO string on the wire). */
const SEED = {
  customerId: "customer-demo-01",
  planId: "plan-basic",
  addons: [{ addonId: "addon-extra-stuff", quantity: 1 }],
  startDate: START.toISOString(),
  id: "subscription-plan-basic",
  billingPeriod: "MONTHLY",
  unitQuantity: 2,
  billingInformation: { taxRateIds: ["txr_1LcTSRE1gVT2zwZV07MIRKdf", "txr_1LcTSRE1gVT2zwZV07MIRKdf"] },
  checkoutOptions: {
    successUrl: "https://your-success-url.com/",
    cancelUrl: "https://your-cancel-url.com/",
    allowPromoCodes: true,
    collectBillingAddress: true,
  },
  metadata: { key: "value" },
} as const;


function handlerOver(client: StiggClientLike, allowedProvisionFields?: ProvisionField[]) {
  return createUpgradeHandler({
    backend: createStiggBackend(client),
    identify: () => ({ customerId: "customer-demo-01" }),
    allowedReturnOrigins: ["https://your-success-url.com", "https://your-cancel-url.com"],
    onError: () => {},
    ...(allowedProvisionFields ? { allowedProvisionFields } : {}),
  });
}

function post(body: unknown): Request {
  return new Request("https://app.example/api/upgrade/provision-subscription", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("createStiggBackend: provisioning", () => {
  it("the seed's parameters reach provisionSubscription unchanged when the handler allows them", async () => {
    const { client, calls } = fakeStigg({ provision: { provisionStatus: "SUCCESS", subscription: sdkSubscription } });
    const response = await handlerOver(client, EVERY_PROVISION_FIELD)(post(SEED));
    expect(response.status).toBe(200);
    // Only startDate changes form: the SDK types it as a Date. It is the same instant.
    expect(calls).toStrictEqual([{ method: "provisionSubscription", params: { ...SEED, startDate: START } }]);
  });

  it("with the default allowlist, the server-side seed fields are refused before Stigg is called", async () => {
    const { client, calls } = fakeStigg({ provision: { provisionStatus: "SUCCESS", subscription: sdkSubscription } });
    const response = await handlerOver(client)(post(SEED));
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 400, code: "FIELD_NOT_ALLOWED" });
    for (const field of ["startDate", "id", "billingInformation", "metadata", "checkoutOptions.collectBillingAddress"]) {
      expect(error.message).toContain(field);
    }
    expect(calls).toEqual([]);
  });

  it("maps the node SDK's { provisionStatus: SUCCESS, subscription } onto the contract", async () => {
    const { client } = fakeStigg({ provision: { provisionStatus: "SUCCESS", subscription: sdkSubscription } });
    const result = await createStiggBackend(client).provisionSubscription(
      { customerId: "c1", planId: "plan-basic" },
      { checkoutBaseUrl: "https://app.example/api/upgrade/checkout", request: post({}) },
    );
    expect(result).toStrictEqual({ status: "SUCCESS", subscription: mappedSubscription });
  });

  it("maps { status: PAYMENT_REQUIRED, checkoutUrl, checkoutBillingId } onto the contract", async () => {
    const { client } = fakeStigg({
      provision: {
        status: "PAYMENT_REQUIRED",
        checkoutUrl: "https://checkout.stripe.com/c/pay/cs_test_1",
        checkoutBillingId: "cs_test_1",
        subscription: null,
      },
    });
    const response = await handlerOver(client)(post({ planId: "plan-pro" }));
    expect(await response.json()).toStrictEqual({
      status: "PAYMENT_REQUIRED",
      checkoutUrl: "https://checkout.stripe.com/c/pay/cs_test_1",
      checkoutBillingId: "cs_test_1",
    });
  });

  it("maps the crossed shapes too: provisionStatus PAYMENT_REQUIRED, and status SUCCESS with a slim subscription", async () => {
    const backend = createStiggBackend(
      fakeStigg({ provision: { provisionStatus: "PAYMENT_REQUIRED", checkoutUrl: "https://pay.example/x" } }).client,
    );
    const context = { checkoutBaseUrl: "https://app.example/api/upgrade/checkout", request: post({}) };
    expect(await backend.provisionSubscription({ customerId: "c1", planId: "p" }, context)).toStrictEqual({
      status: "PAYMENT_REQUIRED",
      checkoutUrl: "https://pay.example/x",
    });

    const slim = createStiggBackend(
      fakeStigg({
        provision: { status: "SUCCESS", subscription: { id: "s1", status: "IN_TRIAL", startDate: "2025-03-01T10:00:00Z" } },
      }).client,
    );
    // A slim subscription that names no plan is the plan that was asked for.
    expect(await slim.provisionSubscription({ customerId: "c1", planId: "plan-pro" }, context)).toStrictEqual({
      status: "SUCCESS",
      subscription: { id: "s1", planId: "plan-pro", status: "IN_TRIAL", startDate: "2025-03-01T10:00:00.000Z" },
    });
  });

  it("adds provisionDefaults beneath the request's own fields", async () => {
    const { client, calls } = fakeStigg({ provision: { provisionStatus: "SUCCESS", subscription: sdkSubscription } });
    const backend = createStiggBackend(client, { provisionDefaults: { awaitPaymentConfirmation: true, planId: "ignored" } });
    await backend.provisionSubscription(
      { customerId: "c1", planId: "plan-basic" },
      { checkoutBaseUrl: "https://app.example/api/upgrade/checkout", request: post({}) },
    );
    expect(calls).toStrictEqual([
      { method: "provisionSubscription", params: { awaitPaymentConfirmation: true, customerId: "c1", planId: "plan-basic" } },
    ]);
  });

  it("an answer it cannot read is a 500 for onError, never a guess", async () => {
    for (const provision of [
      { provisionStatus: "PENDING_SOMETHING_NEW" },
      { provisionStatus: "PAYMENT_REQUIRED", checkoutUrl: null },
      { provisionStatus: "SUCCESS", subscription: null },
    ]) {
      const response = await handlerOver(fakeStigg({ provision }).client)(post({ planId: "plan-basic" }));
      expect(await errorOf(response)).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    }
  });

  it("SDK errors stay generic 500s unless mapError turns them into BackendErrors", async () => {
    const sdkError = Object.assign(new Error("Plan not found: plan-x (request id 0f3a, api.stigg.io)"), { code: "PlanNotFound" });
    const plain = await handlerOver(fakeStigg({ provision: sdkError }).client)(post({ planId: "plan-x" }));
    const plainText = await plain.text();
    expect(plain.status).toBe(500);
    expect(plainText).not.toContain("request id");

    const mapped = createUpgradeHandler({
      backend: createStiggBackend(fakeStigg({ provision: sdkError }).client, {
        mapError: (error) =>
          (error as { code?: string }).code === "PlanNotFound"
            ? new BackendError("PLAN_NOT_FOUND", 404, "This plan does not exist.")
            : undefined,
      }),
      identify: () => ({ customerId: "c1" }),
    });
    expect(await errorOf(await mapped(post({ planId: "plan-x" })))).toEqual({
      status: 404,
      code: "PLAN_NOT_FOUND",
      message: "This plan does not exist.",
    });
  });
});

describe("createStiggBackend: plans", () => {
  it("maps the SDK's Plan[] paywall, and passes productId on", async () => {
    const { client, calls } = fakeStigg({
      paywall: [
        {
          id: "plan-basic",
          displayName: "Basic",
          description: "For small teams",
          order: 1,
          pricingType: "PAID",
          product: { id: "product-app" },
          basePlan: { id: "plan-free" },
          defaultTrialConfig: { duration: 14, units: "DAY" },
          metadata: { highlight: "true", nested: { not: "a string" } },
          pricePoints: [
            { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 10, currency: "usd" },
            {
              billingPeriod: "MONTHLY",
              pricingModel: "PER_UNIT",
              amount: 5,
              currency: "USD",
              minUnitQuantity: 1,
              maxUnitQuantity: 20,
              feature: { featureId: "feature-seats", units: "seat", unitsPlural: "seats" },
            },
            // Nothing in the contract describes these, so they are left out.
            { billingPeriod: "MONTHLY", pricingModel: "MINIMUM_SPEND", amount: 100, currency: "USD" },
            { billingPeriod: "MONTHLY", pricingModel: "PER_UNIT", amount: null, currency: "USD" },
          ],
          entitlements: [
            { usageLimit: null, hasUnlimitedUsage: false, feature: { id: "feature-sso", displayName: "SSO", featureType: "BOOLEAN" } },
            {
              usageLimit: 1000,
              feature: { id: "feature-api", displayName: "API calls", featureType: "NUMBER", units: "call", unitsPlural: "calls" },
              displayNameOverride: "API access",
            },
            { feature: { id: "feature-internal", featureType: "BOOLEAN" }, hiddenFromWidgets: ["PAYWALL"] },
          ],
          compatibleAddons: [
            {
              id: "addon-extra-stuff",
              displayName: "Extra stuff",
              maxQuantity: 5,
              pricePoints: [{ billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 2, currency: "USD" }],
              entitlements: [{ usageLimit: 100, feature: { id: "feature-storage", displayName: "Storage", featureType: "NUMBER" } }],
            },
          ],
        },
      ],
    });
    const handler = handlerOver(client);
    const response = await handler(new Request("https://app.example/api/upgrade/plans?productId=product-app"));
    const body: unknown = await response.json();
    expect(parseWith(plansResponseSchema, body).ok).toBe(true);
    expect(calls).toEqual([{ method: "getPaywall", params: { productId: "product-app" } }]);
    expect(body).toStrictEqual({
      plans: [
        {
          id: "plan-basic",
          displayName: "Basic",
          description: "For small teams",
          order: 1,
          pricingType: "PAID",
          pricePoints: [
            { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 10, currency: "USD" },
            {
              billingPeriod: "MONTHLY",
              pricingModel: "PER_UNIT",
              amount: 5,
              currency: "USD",
              feature: { featureId: "feature-seats", units: "seat", unitsPlural: "seats" },
              minUnitQuantity: 1,
              maxUnitQuantity: 20,
            },
          ],
          entitlements: [
            { featureId: "feature-sso", displayName: "SSO", featureType: "BOOLEAN", usageLimit: null, isUnlimited: false },
            {
              featureId: "feature-api",
              displayName: "API access",
              featureType: "NUMBER",
              usageLimit: 1000,
              units: "call",
              unitsPlural: "calls",
            },
          ],
          basePlanId: "plan-free",
          defaultTrialConfig: { duration: 14, units: "DAY" },
          compatibleAddons: [
            {
              id: "addon-extra-stuff",
              displayName: "Extra stuff",
              pricePoints: [{ billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 2, currency: "USD" }],
              maxQuantity: 5,
              entitlements: [{ featureId: "feature-storage", displayName: "Storage", featureType: "NUMBER", usageLimit: 100 }],
            },
          ],
          productId: "product-app",
          metadata: { highlight: "true" },
        },
      ],
    });
  });

  it("maps the GraphQL-shaped { plans } paywall: refId, prices with billingModel and nested price", async () => {
    const { client, calls } = fakeStigg({
      paywall: {
        plans: [
          { refId: "plan-free", displayName: "Free", pricingType: "FREE", prices: [], entitlements: [] },
          {
            refId: "plan-pro",
            displayName: "Pro",
            pricingType: "PAID",
            product: { refId: "product-app" },
            prices: [{ billingPeriod: "ANNUALLY", billingModel: "FLAT_FEE", price: { amount: 990, currency: "EUR" } }],
            entitlements: [{ feature: { refId: "feature-sso", displayName: "SSO", featureType: "Boolean" } }],
          },
        ],
      },
    });
    const plans = await createStiggBackend(client).getPlans({});
    expect(calls).toEqual([{ method: "getPaywall", params: {} }]);
    expect(plans).toStrictEqual([
      { id: "plan-free", displayName: "Free", order: 0, pricingType: "FREE", pricePoints: [], entitlements: [] },
      {
        id: "plan-pro",
        displayName: "Pro",
        order: 1,
        pricingType: "PAID",
        pricePoints: [{ billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 990, currency: "EUR" }],
        entitlements: [{ featureId: "feature-sso", displayName: "SSO", featureType: "BOOLEAN", usageLimit: null }],
        productId: "product-app",
      },
    ]);
  });
});

describe("createStiggBackend: customer", () => {
  const customerRequest = new Request("https://app.example/api/upgrade/customer", { headers: {} });

  it("combines getCustomer with getActiveSubscriptions", async () => {
    const { client, calls } = fakeStigg({
      customer: {
        id: "customer-demo-01",
        hasPaymentMethod: true,
        subscriptions: [{ ...sdkSubscription, id: "old", status: "CANCELED" }],
        trialedPlans: [{ planId: "plan-pro" }],
      },
      activeSubscriptions: [sdkSubscription],
    });
    const response = await handlerOver(client)(customerRequest);
    const body: unknown = await response.json();
    expect(parseWith(customerResponseSchema, body).ok).toBe(true);
    expect(body).toStrictEqual({
      customer: { id: "customer-demo-01", subscriptions: [mappedSubscription], hasPaymentMethod: true, trialedPlanIds: ["plan-pro"] },
    });
    expect(calls).toEqual([
      { method: "getCustomer", customerId: "customer-demo-01" },
      { method: "getActiveSubscriptions", params: { customerId: "customer-demo-01" } },
    ]);
  });

  it("uses the customer's own subscriptions when the client has no getActiveSubscriptions", async () => {
    const { client } = fakeStigg({
      customer: { id: "customer-demo-01", subscriptions: [sdkSubscription] },
      activeSubscriptions: null,
    });
    expect(await createStiggBackend(client).getCustomer("customer-demo-01")).toStrictEqual({
      id: "customer-demo-01",
      subscriptions: [mappedSubscription],
    });
  });

  it("a CustomerNotFound error is 404 CUSTOMER_NOT_FOUND; other errors are 500s", async () => {
    const notFound = Object.assign(new Error("Customer not found"), {
      graphQLErrors: [{ message: "Customer not found", extensions: { code: "CustomerNotFound" } }],
    });
    const missing = await handlerOver(fakeStigg({ customer: notFound, activeSubscriptions: [] }).client)(customerRequest);
    expect(await errorOf(missing)).toMatchObject({ status: 404, code: "CUSTOMER_NOT_FOUND" });

    const down = await handlerOver(fakeStigg({ customer: new Error("socket hang up") }).client)(customerRequest);
    expect(await errorOf(down)).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
  });

  it("a subscription status the contract does not know is an error, not a guess", async () => {
    const { client } = fakeStigg({
      customer: { id: "c1" },
      activeSubscriptions: [{ ...sdkSubscription, status: "PAUSED" }],
    });
    await expect(createStiggBackend(client).getCustomer("c1")).rejects.toThrow(/unknown status "PAUSED"/);
  });
});

// Compile-time check: a client typed like the SDK (string enums, Date fields, richer params, a
// Paywall object) is accepted as it is. Nothing runs here; `tsc` fails if it stops fitting.
enum SdkBillingPeriod {
  Monthly = "MONTHLY",
  Annually = "ANNUALLY",
}
enum SdkProvisionSubscriptionStatus {
  PaymentRequired = "PAYMENT_REQUIRED",
  Success = "SUCCESS",
}
enum SdkSubscriptionStatus {
  Active = "ACTIVE",
  InTrial = "IN_TRIAL",
}
interface SdkSubscription {
  id: string;
  status: SdkSubscriptionStatus;
  plan: { id: string; displayName: string };
  billingPeriod?: SdkBillingPeriod;
  startDate: Date;
  addons: { quantity: number; addon: { id: string } }[];
}
declare class SdkShapedClient {
  getPaywall(params?: { productId?: string; customerId?: string; billingCountryCode?: string }): Promise<{
    plans: {
      id: string;
      displayName: string;
      pricingType: "FREE" | "PAID";
      pricePoints: { billingPeriod: SdkBillingPeriod; amount: number; currency: string }[];
    }[];
  }>;
  getCustomer(customerId: string): Promise<{ id: string; hasPaymentMethod: boolean; subscriptions: SdkSubscription[] }>;
  getActiveSubscriptions(params: { customerId: string; resourceId?: string }): Promise<SdkSubscription[]>;
  provisionSubscription(params: {
    customerId: string;
    planId: string;
    billingPeriod?: SdkBillingPeriod;
    startDate?: Date;
    addons?: { addonId: string; quantity?: number }[];
    awaitPaymentConfirmation?: boolean;
    resourceId?: string;
  }): Promise<{
    id: string;
    provisionStatus: SdkProvisionSubscriptionStatus;
    checkoutUrl?: string | null;
    checkoutBillingId?: string | null;
    subscription?: SdkSubscription | null;
  }>;
}
true satisfies SdkShapedClient extends StiggClientLike ? true : false;
