/**
 * createStiggBackend against a fake Stigg client that records every call, alone and behind the
 * real handler. The fake answers in the shapes Stigg's SDK and APIs use (ids as `id` or `refId`,
 * Date objects, `provisionStatus` or `status`).
 */
import { describe, expect, it } from "vitest";
import type { Customer } from "../../src/core/contract.js";
import { checkEntitlement } from "../../src/core/entitlements/checkEntitlement.js";
import { customerResponseSchema, parseWith, plansResponseSchema } from "../../src/core/schemas.js";
import { BackendError } from "../../src/server/backend.js";
import { createStiggBackend, type StiggBackendOptions } from "../../src/server/createStiggBackend.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import type { ProvisionField } from "../../src/server/provisionFields.js";
import type {
  StiggClientLike,
  StiggCustomer,
  StiggCustomerEntitlement,
  StiggPaywall,
  StiggProvisionResult,
  StiggProvisionSubscriptionParams,
  StiggSubscription,
} from "../../src/server/stiggClient.js";
import { EVERY_PROVISION_FIELD, errorOf } from "./fixtures.js";
import { createContractValidator } from "./openapiContract.js";

type Call =
  | { method: "getPaywall"; params: { productId?: string } }
  | { method: "getCustomer"; customerId: string }
  | { method: "getActiveSubscriptions"; params: { customerId: string } }
  | { method: "getEntitlements"; params: { customerId: string; resourceId?: string } }
  | { method: "provisionSubscription"; params: StiggProvisionSubscriptionParams };

interface FakeAnswers {
  paywall?: StiggPaywall;
  customer?: StiggCustomer | Error;
  activeSubscriptions?: StiggSubscription[] | null;
  /** Absent: a client without getEntitlements. Anything else is its answer, as is. */
  entitlements?: readonly StiggCustomerEntitlement[] | Error | { entitlements: unknown };
  provision?: StiggProvisionResult | Error;
  /** Every answer waits for this, so a test can see which calls started before any was answered. */
  gate?: Promise<void>;
}

/** A Stigg client double: answers what it is given, and records what it was asked. */
function fakeStigg(answers: FakeAnswers = {}) {
  const calls: Call[] = [];
  const answer = async <T>(value: T | Error | undefined, what: string): Promise<T> => {
    await answers.gate;
    if (value instanceof Error) throw value;
    if (value === undefined) throw new Error(`fake Stigg has no answer for ${what}`);
    return structuredClone(value);
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
  const entitlements = answers.entitlements;
  if (entitlements !== undefined) {
    client.getEntitlements = (params) => {
      calls.push({ method: "getEntitlements", params });
      return answer(entitlements as readonly StiggCustomerEntitlement[] | Error, "getEntitlements");
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


function handlerOver(
  client: StiggClientLike,
  allowedProvisionFields?: ProvisionField[],
  backendOptions: StiggBackendOptions = {},
) {
  return createUpgradeHandler({
    backend: createStiggBackend(client, backendOptions),
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

describe("createStiggBackend: customer entitlements", () => {
  const contract = createContractValidator();

  /** GET /customer through the real handler: a 200 that the client's schema and openapi.yaml both accept. */
  async function customerAnswer(client: StiggClientLike, options: StiggBackendOptions = {}): Promise<Customer> {
    const response = await handlerOver(client, undefined, options)(new Request("https://app.example/api/upgrade/customer"));
    expect(response.status).toBe(200);
    expect(await contract.checkResponse("/customer", "GET", response.clone())).toEqual([]);
    const body: unknown = await response.json();
    const parsed = parseWith(customerResponseSchema, body);
    if (!parsed.ok) throw new Error(`not the contract: ${JSON.stringify(parsed.issues)}`);
    return (body as { customer: Customer }).customer;
  }

  /** getEntitlements' answer as the node SDK models it: `type`, `hasAccess`, `isUnlimited`, feature `id`. */
  const sdkEntitlements: StiggCustomerEntitlement[] = [
    { type: "BOOLEAN", hasAccess: true, feature: { id: "feature-sso", displayName: "SSO", featureType: "BOOLEAN" } },
    {
      type: "BOOLEAN",
      hasAccess: false,
      displayNameOverride: "Audit trail",
      feature: { id: "feature-audit-log", displayName: "Audit log", featureType: "BOOLEAN" },
    },
    {
      type: "METERED",
      hasAccess: true,
      isUnlimited: false,
      usageLimit: 3,
      currentUsage: 3,
      feature: { id: "feature-projects", displayName: "Projects", featureType: "NUMBER", units: "project", unitsPlural: "projects" },
    },
    {
      type: "METERED",
      hasAccess: true,
      isUnlimited: true,
      usageLimit: 0,
      currentUsage: 120,
      feature: { id: "feature-api", displayName: "API calls", featureType: "NUMBER" },
    },
    // A configuration feature: its number is `value`, and nothing is used up.
    {
      type: "NUMERIC",
      hasAccess: true,
      isUnlimited: false,
      value: 30,
      feature: { id: "feature-history", displayName: "History", featureType: "NUMBER" },
    },
    { type: "METERED", hasAccess: true, isUnlimited: false, usageLimit: null, feature: { id: "feature-seats", featureType: "NUMBER" } },
  ];

  const limited = (usageLimit: number | null) => ({ isUnlimited: false, usageLimit });
  const unlimited = { isUnlimited: true, usageLimit: null };

  it("maps the node SDK's BOOLEAN, METERED and NUMERIC entitlements onto the contract, as the client reads them", async () => {
    const { client, calls } = fakeStigg({
      customer: { id: "customer-demo-01" },
      activeSubscriptions: [sdkSubscription],
      entitlements: sdkEntitlements,
    });
    const customer = await customerAnswer(client);
    expect(customer).toStrictEqual({
      id: "customer-demo-01",
      subscriptions: [mappedSubscription],
      entitlements: [
        { featureId: "feature-sso", displayName: "SSO", featureType: "BOOLEAN", hasAccess: true },
        { featureId: "feature-audit-log", displayName: "Audit trail", featureType: "BOOLEAN", hasAccess: false },
        { featureId: "feature-projects", displayName: "Projects", featureType: "NUMBER", hasAccess: true, ...limited(3), currentUsage: 3 },
        { featureId: "feature-api", displayName: "API calls", featureType: "NUMBER", hasAccess: true, ...unlimited, currentUsage: 120 },
        { featureId: "feature-history", displayName: "History", featureType: "NUMBER", hasAccess: true, ...limited(30) },
        // A null limit stays null (no limit), as the contract allows.
        { featureId: "feature-seats", featureType: "NUMBER", hasAccess: true, ...limited(null) },
      ],
    });
    expect(calls).toContainEqual({ method: "getEntitlements", params: { customerId: "customer-demo-01" } });

    // What the React side concludes from them (the check useEntitlement and <FeatureGate> make).
    expect(checkEntitlement(customer, "feature-sso").hasAccess).toBe(true);
    expect(checkEntitlement(customer, "feature-audit-log").hasAccess).toBe(false);
    expect(checkEntitlement(customer, "feature-projects")).toMatchObject({ hasAccess: false, remaining: 0 });
    expect(checkEntitlement(customer, "feature-api", 1_000_000)).toMatchObject({ hasAccess: true, remaining: null });
    expect(checkEntitlement(customer, "feature-history", 30)).toMatchObject({ hasAccess: true, remaining: 30 });
  });

  it("maps the GraphQL/REST shape too: isGranted, hasUnlimitedUsage, feature.refId, type FEATURE, featureType spelled Boolean", async () => {
    const { client } = fakeStigg({
      customer: { id: "customer-demo-01" },
      activeSubscriptions: [],
      entitlements: [
        {
          type: "FEATURE",
          isGranted: true,
          hasUnlimitedUsage: false,
          usageLimit: 10000,
          currentUsage: 2500,
          feature: { refId: "feature-api-calls", displayName: "API Calls", featureType: "NUMBER" },
        },
        { type: "FEATURE", isGranted: true, feature: { refId: "feature-sso", displayName: "Single Sign-On", featureType: "Boolean" } },
      ],
    });
    expect((await customerAnswer(client)).entitlements).toStrictEqual([
      { featureId: "feature-api-calls", displayName: "API Calls", featureType: "NUMBER", hasAccess: true, ...limited(10000), currentUsage: 2500 },
      { featureId: "feature-sso", displayName: "Single Sign-On", featureType: "BOOLEAN", hasAccess: true },
    ]);
  });

  it("leaves out what the contract cannot say (ENUM features, credits) and entries with no feature id or no access", async () => {
    const { client } = fakeStigg({
      customer: { id: "customer-demo-01" },
      activeSubscriptions: [],
      entitlements: [
        { type: "ENUM", hasAccess: true, feature: { id: "feature-region", featureType: "ENUM" } },
        { type: "FEATURE", isGranted: true, feature: { refId: "feature-tier", featureType: "ENUM" } },
        { type: "CREDIT", isGranted: true, usageLimit: 500, currentUsage: 20 },
        { type: "BOOLEAN", feature: { id: "feature-access-unknown", featureType: "BOOLEAN" } },
        { type: "BOOLEAN", hasAccess: true, feature: { displayName: "No id", featureType: "BOOLEAN" } },
        { hasAccess: true, feature: { id: "feature-no-type" } },
        { type: "BOOLEAN", hasAccess: true, feature: { id: "feature-kept", featureType: "BOOLEAN" } },
      ],
    });
    expect((await customerAnswer(client)).entitlements).toStrictEqual([
      { featureId: "feature-kept", featureType: "BOOLEAN", hasAccess: true },
    ]);
  });

  it("starts getEntitlements together with getCustomer and getActiveSubscriptions, before any of them answers", async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const { client, calls } = fakeStigg({
      customer: { id: "customer-demo-01" },
      activeSubscriptions: [sdkSubscription],
      entitlements: sdkEntitlements.slice(0, 1),
      gate,
    });
    let answered = false;
    const pending = createStiggBackend(client)
      .getCustomer("customer-demo-01")
      .finally(() => {
        answered = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    expect(calls.map((call) => call.method)).toEqual(["getCustomer", "getActiveSubscriptions", "getEntitlements"]);
    open();
    expect((await pending)?.entitlements).toStrictEqual([
      { featureId: "feature-sso", displayName: "SSO", featureType: "BOOLEAN", hasAccess: true },
    ]);
  });

  it("a client without getEntitlements leaves entitlements absent; an empty answer is an empty list", async () => {
    const without = fakeStigg({ customer: { id: "customer-demo-01" }, activeSubscriptions: [sdkSubscription] });
    const customer = await customerAnswer(without.client);
    expect(customer).toStrictEqual({ id: "customer-demo-01", subscriptions: [mappedSubscription] });
    expect("entitlements" in customer).toBe(false);
    expect(without.calls.map((call) => call.method)).not.toContain("getEntitlements");

    const empty = fakeStigg({ customer: { id: "customer-demo-01" }, activeSubscriptions: [], entitlements: [] });
    expect((await customerAnswer(empty.client)).entitlements).toStrictEqual([]);
  });

  it("when getEntitlements fails, the customer is still answered without entitlements and onEntitlementsError is told", async () => {
    const clientWith = (entitlements: FakeAnswers["entitlements"]) =>
      fakeStigg({ customer: { id: "customer-demo-01" }, activeSubscriptions: [sdkSubscription], entitlements }).client;
    const timeout = new Error("Stigg getEntitlements timed out");
    const thrown = new Error("thrown before any promise");
    const throwing: StiggClientLike = {
      ...clientWith(undefined),
      getEntitlements: () => {
        throw thrown;
      },
    };
    const failing: [string, StiggClientLike, (error: unknown) => void][] = [
      ["a rejection", clientWith(timeout), (error) => expect(error).toBe(timeout)],
      ["an answer that is not a list", clientWith({ entitlements: sdkEntitlements }), (error) => expect(error).toBeInstanceOf(TypeError)],
      ["a synchronous throw", throwing, (error) => expect(error).toBe(thrown)],
    ];
    for (const [what, client, expectError] of failing) {
      const told: [unknown, string][] = [];
      const customer = await customerAnswer(client, { onEntitlementsError: (error, customerId) => told.push([error, customerId]) });
      expect(customer, what).toStrictEqual({ id: "customer-demo-01", subscriptions: [mappedSubscription] });
      expect(told.map(([, customerId]) => customerId), what).toEqual(["customer-demo-01"]);
      expectError(told[0]![0]);
    }
  });

  it("an unknown customer is still a 404, and the entitlements failure beside it is not reported", async () => {
    const notFound = Object.assign(new Error("Customer not found"), { code: "CustomerNotFound" });
    const told: unknown[] = [];
    const { client } = fakeStigg({ customer: notFound, activeSubscriptions: [], entitlements: notFound });
    const handler = handlerOver(client, undefined, { onEntitlementsError: (error) => told.push(error) });
    expect(await errorOf(await handler(new Request("https://app.example/api/upgrade/customer")))).toMatchObject({
      status: 404,
      code: "CUSTOMER_NOT_FOUND",
    });
    expect(told).toEqual([]);
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
enum SdkFeatureType {
  Boolean = "BOOLEAN",
  Number = "NUMBER",
  Enum = "ENUM",
}
/** The SDK's Entitlement: a union by `type`, with Date fields and members this library does not read. */
type SdkEntitlement = {
  hasAccess: boolean;
  isFallback: boolean;
  accessDeniedReason?: string;
  feature?: {
    id: string;
    displayName: string;
    featureType: SdkFeatureType;
    units?: string;
    unitsPlural?: string;
    metadata?: Record<string, string>;
  };
} & (
  | { type: "BOOLEAN" }
  | { type: "NUMERIC"; value?: number; isUnlimited: boolean }
  | { type: "METERED"; usageLimit?: number; isUnlimited: boolean; currentUsage: number; requestedUsage: number; usagePeriodEnd?: Date }
);
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
  getEntitlements(params: { customerId: string; resourceId?: string }): Promise<SdkEntitlement[]>;
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
