import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StiggProvider, useCustomer, usePlans, useProvisionSubscription } from "../../src/index.js";

function Page() {
  const plans = usePlans();
  const customer = useCustomer();
  const provision = useProvisionSubscription();
  return (
    <p>{`${plans.isPending ? "plans loading" : "plans"} / ${customer.isPending ? "customer loading" : "customer"} / ${provision.status}`}</p>
  );
}

describe("server rendering (no window, no document)", () => {
  it("renders the provider and all three hooks without touching browser globals", () => {
    expect(typeof window).toBe("undefined");
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <StiggProvider endpoint="https://app.example.com/api/upgrade" customerId="c1">
          <Page />
        </StiggProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain("plans loading / customer loading / idle");
  });

  it("renders without any QueryClientProvider", () => {
    const html = renderToString(
      <StiggProvider endpoint="/api/upgrade">
        <Page />
      </StiggProvider>,
    );
    expect(html).toContain("plans loading / customer / idle");
  });
});
