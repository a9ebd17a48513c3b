/** Plans, a wired handler and request builders shared by the server tests. */
import type { Plan } from "../../src/core/contract.js";
import { createMemoryBackend, type MemoryBackendOptions } from "../../src/server/createMemoryBackend.js";
import { createUpgradeHandler, type Identify, type UpgradeHandlerOptions } from "../../src/server/createUpgradeHandler.js";
import { PROVISION_FIELDS, type ProvisionField } from "../../src/server/provisionFields.js";

export const ORIGIN = "http://shop.test";
export const BASE = `${ORIGIN}/api/upgrade`;
export const NOW = new Date("2025-01-31T12:00:00.000Z");

export const plans: Plan[] = [
  { id: "free", displayName: "Free", order: 0, pricingType: "FREE", pricePoints: [], entitlements: [], productId: "app" },
  {
    id: "basic",
    displayName: "Basic",
    order: 1,
    pricingType: "PAID",
    productId: "app",
    pricePoints: [
      { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 10, currency: "USD" },
      { billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 100, currency: "USD" },
    ],
    entitlements: [],
  },
  {
    id: "pro",
    displayName: "Pro",
    order: 2,
    pricingType: "PAID",
    productId: "app",
    defaultTrialConfig: { duration: 14, units: "DAY" },
    pricePoints: [
      {
        billingPeriod: "MONTHLY",
        pricingModel: "PER_UNIT",
        amount: 12.5,
        currency: "USD",
        feature: { featureId: "seats", units: "seat", unitsPlural: "seats" },
        minUnitQuantity: 2,
        maxUnitQuantity: 50,
      },
    ],
    compatibleAddons: [
      {
        id: "storage",
        displayName: "Extra storage",
        maxQuantity: 3,
        pricePoints: [{ billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 5, currency: "USD" }],
      },
    ],
    entitlements: [],
  },
  { id: "enterprise", displayName: "Enterprise", order: 3, pricingType: "CUSTOM", pricePoints: [], entitlements: [], productId: "app" },
  {
    id: "insights",
    displayName: "Insights <Plus> & \"more\"",
    order: 0,
    pricingType: "PAID",
    productId: "analytics",
    pricePoints: [{ billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 1234.5, currency: "EUR" }],
    entitlements: [],
  },
];

/** For tests that need the client to set anything the contract has (`allowedProvisionFields`). */
export const EVERY_PROVISION_FIELD: ProvisionField[] = [...PROVISION_FIELDS];

/** The test app signs customers in through this header. */
export const CUSTOMER_HEADER = "X-Customer-Id";

/** Signs in whoever `CUSTOMER_HEADER` names. */
export const identifyByHeader: Identify = (request) => {
  const customerId = request.headers.get(CUSTOMER_HEADER);
  return customerId ? { customerId } : null;
};

export function createTestApp(
  options: { backend?: Partial<MemoryBackendOptions>; handler?: Partial<UpgradeHandlerOptions> } = {},
) {
  const backend = createMemoryBackend({ plans, now: () => new Date(NOW), ...options.backend });
  const handler = createUpgradeHandler({
    backend,
    identify: identifyByHeader,
    ...options.handler,
  });
  return { backend, handler };
}

export function get(path: string, customerId?: string, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, {
    headers: { ...(customerId ? { [CUSTOMER_HEADER]: customerId } : {}), ...headers },
  });
}

export function provisionRequest(
  body: unknown,
  options: {
    customerId?: string;
    /** Default: a fresh key per request; `null` sends none. */
    idempotencyKey?: string | null;
    headers?: Record<string, string>;
  } = {},
): Request {
  // Every provision carries a key, as the library's client sends one: a fresh one unless the test
  // is about a particular key, or about sending none (`null`).
  const key = options.idempotencyKey === undefined ? crypto.randomUUID() : options.idempotencyKey;
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    ...(key === null ? {} : { "Idempotency-Key": key }),
    ...options.headers,
  };
  if (options.customerId) headers[CUSTOMER_HEADER] = options.customerId;
  return new Request(`${BASE}/provision-subscription`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, code: body.error.code, message: body.error.message };
}
