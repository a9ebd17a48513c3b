/**
 * The upgrade endpoint (/api/upgrade/*) as one Fetch-API handler, shared by the Vite plugin
 * (vite.config.ts: dev and preview) and the production server (server/production.ts).
 * createMemoryBackend keeps plans and purchases in memory and serves a test checkout page with
 * Pay and Cancel: swap in createStiggBackend(...) (or your own backend) for real billing.
 */
import type { Plan } from "react-upgrade-kit";
import { createMemoryBackend, createUpgradeHandler } from "react-upgrade-kit/server";

const plans: Plan[] = [
  {
    id: "free",
    displayName: "Free",
    description: "For trying things out.",
    order: 0,
    pricingType: "FREE",
    pricePoints: [],
    entitlements: [{ featureId: "projects", displayName: "Projects", featureType: "NUMBER", usageLimit: 3, units: "project", unitsPlural: "projects" }],
  },
  {
    id: "pro",
    displayName: "Pro",
    description: "For teams that ship.",
    order: 1,
    pricingType: "PAID",
    pricePoints: [{ billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 20, currency: "USD" }],
    entitlements: [{ featureId: "projects", displayName: "Projects", featureType: "NUMBER", isUnlimited: true, units: "project", unitsPlural: "projects" }],
  },
];

// Your billing system would have the customer from sign-up on; here they start on Free, with no
// payment method, so Pro goes through the checkout page.
const backend = createMemoryBackend({
  plans,
  customers: [
    {
      id: "customer-1",
      subscriptions: [{ id: "sub-1", planId: "free", status: "ACTIVE", startDate: "2026-01-01T00:00:00.000Z" }],
      hasPaymentMethod: false,
      trialedPlanIds: [],
    },
  ],
});

export const handler = createUpgradeHandler({
  backend,
  // Who is signed in, from the fake session cookie (src/session.ts). Use your real session here;
  // never trust a customer id from the request body.
  identify: (request) => {
    const cookie = request.headers.get("cookie") ?? "";
    const customerId = /(?:^|;\s*)example_session=([^;]+)/.exec(cookie)?.[1];
    return customerId ? { customerId: decodeURIComponent(customerId) } : null;
  },
  // The origins browsers use for this app: checkout links are built on the first, return URLs and
  // POSTs must come from one of them. Required when NODE_ENV=production (the handler never trusts
  // the Host header); APP_ORIGIN="https://app.example.com" there, comma-separated for several.
  publicOrigin: (process.env.APP_ORIGIN ?? "http://localhost:5173,http://127.0.0.1:5173").split(",").map((origin) => origin.trim()),
});
