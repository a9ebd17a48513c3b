import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { Component, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { queryKeys, StiggProvider, usePlans } from "../../src/index.js";
import { createTestUpgradeServer, ENDPOINT, serveDuringTests } from "../support/upgradeServer.js";

serveDuringTests(createTestUpgradeServer());

let seenByApp: QueryClient | "none" | undefined;
function AppComponent() {
  try {
    seenByApp = useQueryClient();
  } catch {
    seenByApp = "none";
  }
  return null;
}

function PlanCount() {
  const plans = usePlans();
  return <p>{plans.data ? `${plans.data.length} plans` : "loading"}</p>;
}

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  override render() {
    return this.state.error ?? this.props.children;
  }
}

describe("StiggProvider and the app's QueryClient", () => {
  it("uses the nearest QueryClientProvider's client and leaves it the one the app's components see", async () => {
    const appClient = new QueryClient();
    render(
      <QueryClientProvider client={appClient}>
        <StiggProvider endpoint={ENDPOINT}>
          <AppComponent />
          <PlanCount />
        </StiggProvider>
      </QueryClientProvider>,
    );
    await screen.findByText("4 plans");
    expect(seenByApp).toBe(appClient);
    expect(appClient.getQueryData(queryKeys.plans(ENDPOINT, undefined))).toHaveLength(4);
  });

  it("a queryClient prop holds the library's data, while the app's components still see the app's client", async () => {
    const appClient = new QueryClient();
    const libraryClient = new QueryClient();
    render(
      <QueryClientProvider client={appClient}>
        <StiggProvider endpoint={ENDPOINT} queryClient={libraryClient}>
          <AppComponent />
          <PlanCount />
        </StiggProvider>
      </QueryClientProvider>,
    );
    await screen.findByText("4 plans");
    expect(seenByApp).toBe(appClient);
    expect(libraryClient.getQueryData(queryKeys.plans(ENDPOINT, undefined))).toHaveLength(4);
    expect(appClient.getQueryData(queryKeys.plans(ENDPOINT, undefined))).toBeUndefined();
  });

  it("with no QueryClient anywhere it works on its own and installs none for the app", async () => {
    render(
      <StiggProvider endpoint={ENDPOINT}>
        <AppComponent />
        <PlanCount />
      </StiggProvider>,
    );
    await screen.findByText("4 plans");
    expect(seenByApp).toBe("none");
  });

  it("a hook outside the provider fails with a message that says what to do", () => {
    render(
      <Boundary>
        <PlanCount />
      </Boundary>,
    );
    expect(screen.getByText("react-upgrade-kit: wrap this component in <StiggProvider>.")).toBeTruthy();
  });
});
