/**
 * A page reads the plans and the customer once: a part that mounts after a read answered (a
 * FeatureGate's prompt, a button shown once the plan is known) takes the cached answer instead of
 * sending the read again, even with react-query's default `staleTime` of 0 on the app's client.
 */
import { screen } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { StrictMode } from "react";
import { describe, expect, it } from "vitest";
import { Paywall, useCustomer, usePlans } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, serveDuringTests } from "../support/upgradeServer.js";

const upgradeServer = createTestUpgradeServer();
serveDuringTests(upgradeServer);
const reads = () => upgradeServer.requests.filter((request) => request.method === "GET").map((request) => request.path).sort();

function PlanCount() {
  const plans = usePlans();
  const customer = useCustomer();
  return <p>{plans.data && customer.data !== undefined ? `${plans.data.length} plans` : "…"}</p>;
}

describe("reads", () => {
  it("a part mounted after the reads answered sends neither again (StrictMode, the app's client on react-query's defaults)", async () => {
    const queryClient = new QueryClient();
    const { rerenderWithProvider } = renderWithProvider(
      <StrictMode>
        <Paywall />
      </StrictMode>,
      { queryClient },
    );
    await screen.findByRole("article", { name: "Basic" });
    expect(reads()).toEqual(["/customer", "/plans"]);
    rerenderWithProvider(
      <StrictMode>
        <Paywall />
        <PlanCount />
      </StrictMode>,
    );
    await screen.findByText(/^\d+ plans$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads()).toEqual(["/customer", "/plans"]);
  });

  it("the app's own staleTime still rules: with 0 set on its client, a new part reads again", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 0 } } });
    const { rerenderWithProvider } = renderWithProvider(<Paywall />, { queryClient });
    await screen.findByRole("article", { name: "Basic" });
    rerenderWithProvider(
      <>
        <Paywall />
        <PlanCount />
      </>,
    );
    await screen.findByText(/^\d+ plans$/);
    await expect.poll(reads).toEqual(["/customer", "/customer", "/plans", "/plans"]);
  });
});
