/**
 * Coming back from a hosted checkout while the lazily loaded finish code cannot load (offline, a
 * deploy removed the chunk; Chromium keeps a failed import() failed for the page's life).
 */
import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Paywall, useCheckoutStatus } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, serveDuringTests } from "../support/upgradeServer.js";

vi.mock("../../src/react/checkout/finish.js", () => {
  throw new Error("Failed to fetch dynamically imported module");
});

const upgradeServer = createTestUpgradeServer({
  customers: [{ id: "customer-1", subscriptions: [{ id: "s-free", planId: "plan-free", status: "ACTIVE", startDate: "2026-01-01T00:00:00.000Z" }] }],
});
serveDuringTests(upgradeServer);
beforeEach(() => {
  window.sessionStorage.clear();
});

function Status() {
  return <p data-testid="checkout-status">{useCheckoutStatus().status}</p>;
}

describe("a return whose finish code fails to load", () => {
  it("a cancel is still a cancel: reported, marker stripped, no 'being confirmed' notice", async () => {
    window.history.replaceState(null, "", "/billing?tab=plans&ruk_checkout=canceled");
    const onCheckoutCanceled = vi.fn();
    renderWithProvider(
      <>
        <Status />
        <Paywall />
      </>,
      { onCheckoutCanceled },
    );
    expect(await screen.findByRole("button", { name: "Upgrade: Basic" })).toHaveProperty("disabled", false);
    expect(onCheckoutCanceled).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("checkout-status").textContent).toBe("canceled");
    expect(window.location.search).toBe("?tab=plans");
    expect(screen.queryByText(/being confirmed/)).toBeNull();
  });

  it("a success does not hold the buttons forever: the payment is reported as not confirmed yet", async () => {
    window.history.replaceState(null, "", "/billing?ruk_checkout=success");
    renderWithProvider(
      <>
        <Status />
        <Paywall />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId("checkout-status").textContent).toBe("unconfirmed"));
    expect(await screen.findByText(/being confirmed/)).toBeTruthy();
  });
});
