import { QueryClient } from "@tanstack/react-query";
import { screen } from "@testing-library/react";
import { delay, http, HttpResponse } from "msw";
import { Component, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { UpgradeError, usePlans } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, ENDPOINT, serveDuringTests } from "../support/upgradeServer.js";

const upgradeServer = createTestUpgradeServer();
const { server } = upgradeServer;
serveDuringTests(upgradeServer);

class Boundary extends Component<{ children: ReactNode }, { crashed: boolean }> {
  override state = { crashed: false };
  static getDerivedStateFromError() {
    return { crashed: true };
  }
  override render() {
    return this.state.crashed ? <p>The app crashed</p> : this.props.children;
  }
}

let lastError: unknown;
function PlanNames() {
  const plans = usePlans();
  lastError = plans.error;
  if (plans.error) return <p role="alert">{plans.error.code}</p>;
  if (plans.isPending) return <p>Loading</p>;
  return <p>{plans.data.map((plan) => plan.displayName).join(", ")}</p>;
}

describe("usePlans failures are typed and never throw out of render", () => {
  it.each([
    ["a 500", () => HttpResponse.json({ error: { code: "DOWN", message: "down" } }, { status: 500 }), "HTTP"],
    ["invalid JSON", () => new HttpResponse("<html>oops</html>", { headers: { "Content-Type": "text/html" } }), "INVALID_RESPONSE"],
    ["a response missing plans", () => HttpResponse.json({ data: [] }), "INVALID_RESPONSE"],
    [
      "a timeout",
      async () => {
        await delay(500);
        return HttpResponse.json({ plans: [] });
      },
      "TIMEOUT",
    ],
  ] as const)("%s", async (_name, resolver, code) => {
    server.use(http.get(`${ENDPOINT}/plans`, resolver));
    lastError = undefined;
    renderWithProvider(
      <Boundary>
        <PlanNames />
      </Boundary>,
      { timeoutMs: 100 },
    );
    expect((await screen.findByRole("alert")).textContent).toBe(code);
    expect(lastError).toBeInstanceOf(UpgradeError);
    expect(screen.queryByText("The app crashed")).toBeNull();
  });

  it("an app client that throws read errors to boundaries by default does not make the library's reads throw", async () => {
    server.use(http.get(`${ENDPOINT}/plans`, () => HttpResponse.json({ error: { code: "DOWN", message: "down" } }, { status: 500 })));
    const throwing = new QueryClient({ defaultOptions: { queries: { retry: false, throwOnError: true } } });
    renderWithProvider(
      <Boundary>
        <PlanNames />
      </Boundary>,
      { queryClient: throwing },
    );
    expect((await screen.findByRole("alert")).textContent).toBe("HTTP");
    expect(screen.queryByText("The app crashed")).toBeNull();
  });

  it("a 4xx is not retried even by the library's own policy", async () => {
    let calls = 0;
    server.use(
      http.get(`${ENDPOINT}/plans`, () => {
        calls += 1;
        return HttpResponse.json({ error: { code: "NOPE", message: "nope" } }, { status: 400 });
      }),
    );
    renderWithProvider(<PlanNames />, { queryClient: new QueryClient() });
    expect((await screen.findByRole("alert")).textContent).toBe("HTTP");
    expect(calls).toBe(1);
  });

  it("a 5xx is retried (bounded) before the error shows, and recovers when the backend does", async () => {
    let calls = 0;
    server.use(
      http.get(`${ENDPOINT}/plans`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json({ error: { code: "DOWN", message: "down" } }, { status: 503 })
          : HttpResponse.json({ plans: [{ id: "p", displayName: "Only plan", order: 0, pricingType: "FREE", pricePoints: [], entitlements: [] }] });
      }),
    );
    // An app client with no retry default of its own: the library's read policy applies.
    renderWithProvider(<PlanNames />, { queryClient: new QueryClient() });
    expect(await screen.findByText("Only plan", {}, { timeout: 3_000 })).toBeTruthy();
    expect(calls).toBe(2);
  });
});
