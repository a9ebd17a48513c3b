/**
 * The Paywall a buyer sees over Stigg data, end to end on the server: the real
 * `@stigg/node-server-sdk` at the fake Stigg API, `createStiggBackend` behind the real handler,
 * `prefetchPlans`/`prefetchCustomer` through it, and `<Paywall>` rendered to HTML.
 */
import { Stigg } from "@stigg/node-server-sdk";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Paywall, StiggProvider } from "../../src/index.js";
import { createStiggBackend, createUpgradeHandler, prefetchCustomer, prefetchPlans } from "../../src/server/index.js";
import { startFakeStiggApi, type FakeStiggApi } from "../fakes/stiggApi.js";

const ENDPOINT = "/api/upgrade";
let api: FakeStiggApi;
let stigg: Stigg;

beforeAll(async () => {
  api = await startFakeStiggApi();
  stigg = Stigg.initialize({ apiKey: "server-test-key", baseUri: api.baseUri, baseEdgeUri: api.baseEdgeUri, realtimeUpdatesEnabled: false });
});
afterAll(async () => {
  stigg.close();
  await api.close();
});

/** The page's text for `customerId`, as server rendering gives it (tags stripped). */
async function paywallText(customerId: string): Promise<string> {
  const handler = createUpgradeHandler({ backend: createStiggBackend(stigg), identify: () => ({ customerId }) });
  const options = { endpoint: ENDPOINT, fetch: (url: string, init?: RequestInit) => handler(new Request(new URL(url, "https://app.example"), init)) };
  const queryClient = new QueryClient();
  await Promise.all([prefetchPlans(queryClient, { ...options, productId: "product-acme" }), prefetchCustomer(queryClient, { ...options, customerId })]);
  const html = renderToString(
    <QueryClientProvider client={queryClient}>
      <StiggProvider endpoint={ENDPOINT} customerId={customerId}>
        <Paywall productId="product-acme" />
      </StiggProvider>
    </QueryClientProvider>,
  );
  return html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, " ").replace(/&nbsp;|\u00a0/g, " ").replace(/\s+/g, " ");
}

describe("a Paywall over Stigg data", () => {
  it("draws Stigg's prices as Stigg charges them, and its entitlements as Stigg lists them", async () => {
    const text = await paywallText("cus-free");
    expect(text).toMatch(/\$20 \+ \$8/); // Team: flat fee plus per seat
    expect(text).toMatch(/\$40 per 5 seats/); // Business: blocks of 5
    expect(text).toMatch(/From \$10/); // Scale: tiered only, not "Custom pricing"
    expect(text).toMatch(/Onboarding: \$100 one-time/); // a one-off add-on, not per month
    expect(text).toContain("Region");
    expect(text).not.toMatch(/\b0 (Region|seats)\b/);
    expect(text).toMatch(/SSO.{0,40}Not included|Not included.{0,40}SSO/);
    expect(text).not.toContain("Audit log");
  });

  it("a customer who already had Team's trial is not offered it again; one who did not is", async () => {
    expect(await paywallText("cus-new")).toMatch(/Start free trial/i);
    expect(await paywallText("cus-free")).not.toMatch(/Start free trial/i);
  });
});
