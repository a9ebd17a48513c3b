/**
 * A page streamed by the server (Next.js with Suspense) comes back from checkout: the provider's
 * wait for the plan starts in its first effects, before the page's later part, with its
 * <HydrationBoundary>, arrives. That wait must not put a customer query in the cache, or TanStack
 * Query hydrates the streamed data only after rendering (it defers queries that already exist) and
 * the part renders "loading" over the server's HTML: a hydration mismatch (seen in next dev).
 */
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { delay, http } from "msw";
import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { useCustomer } from "../../src/index.js";
import { pendingCheckoutKey } from "../../src/core/pendingCheckout.js";
import { queryKeys } from "../../src/core/queryKeys.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, ENDPOINT, serveDuringTests } from "../support/upgradeServer.js";

const customer = {
  id: "customer-1",
  subscriptions: [{ id: "s-basic", planId: "plan-basic", status: "ACTIVE" as const, startDate: "2026-01-01T00:00:00.000Z" }],
};
const upgradeServer = createTestUpgradeServer({ customers: [customer] });
serveDuringTests(upgradeServer);
beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, "", "/billing?ruk_checkout=success");
  const pending = { customerId: "customer-1", planId: "plan-basic", idempotencyKey: "k", savedAt: Date.now() };
  window.sessionStorage.setItem(pendingCheckoutKey(ENDPOINT), JSON.stringify(pending));
});

/** Records what useCustomer gave on this component's first render. */
const firstRenders: string[] = [];
function CustomerOnFirstRender() {
  const result = useCustomer();
  if (firstRenders.length === 0) firstRenders.push(result.status);
  return <p>{result.data?.subscriptions[0]?.planId ?? "…"}</p>;
}

describe("return from checkout into a streamed page", () => {
  it("the part streamed after the wait started renders the server's customer on its first render", async () => {
    firstRenders.length = 0;
    // The part arrives while the provider's first read of the customer is still on its way.
    let asked = false;
    upgradeServer.server.use(
      http.get(`${ENDPOINT}/customer`, async () => {
        asked = true;
        await delay(400);
      }),
    );
    const { rerenderWithProvider } = renderWithProvider(<p>shell</p>);
    // The wait has started: the provider is asking the backend for the customer.
    await waitFor(() => expect(asked).toBe(true));

    // What the server rendered the streamed part with.
    const server = new QueryClient();
    server.setQueryData(queryKeys.customer(ENDPOINT, "customer-1"), customer);
    rerenderWithProvider(
      <>
        <p>shell</p>
        <HydrationBoundary state={dehydrate(server)}>
          <CustomerOnFirstRender />
        </HydrationBoundary>
      </>,
    );
    expect(firstRenders).toEqual(["success"]);
    expect(screen.getByText("plan-basic")).toBeTruthy();
  });
});
