/**
 * An `<UpgradeButton>` for what the customer already has says so and does nothing, as the
 * Paywall's card for the current plan does; the app can still enable it.
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { UpgradeButton } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, serveDuringTests } from "../support/upgradeServer.js";

const upgradeServer = createTestUpgradeServer({
  customers: [
    {
      id: "customer-1",
      subscriptions: [
        { id: "sub_1", planId: "plan-basic", status: "ACTIVE", billingPeriod: "MONTHLY", startDate: "2026-01-01T00:00:00.000Z" },
      ],
    },
  ],
});
serveDuringTests(upgradeServer);
beforeEach(() => window.history.replaceState(null, "", "/app"));

describe("<UpgradeButton> for the customer's current purchase", () => {
  it("is disabled with data-state current once the customer is known; another period or plan is not", async () => {
    renderWithProvider(
      <>
        <UpgradeButton planId="plan-basic">Basic</UpgradeButton>
        <UpgradeButton planId="plan-basic" billingPeriod="MONTHLY">
          Basic monthly
        </UpgradeButton>
        <UpgradeButton planId="plan-basic" billingPeriod="ANNUALLY">
          Basic annually
        </UpgradeButton>
        <UpgradeButton planId="plan-pro">Pro</UpgradeButton>
      </>,
    );
    for (const name of ["Basic", "Basic monthly"]) {
      const button = screen.getByRole("button", { name });
      await waitFor(() => expect(button.getAttribute("data-state")).toBe("current"));
      expect(button).toHaveProperty("disabled", true);
    }
    for (const name of ["Basic annually", "Pro"]) {
      const button = screen.getByRole("button", { name });
      expect(button.getAttribute("data-state")).toBe("idle");
      expect(button).toHaveProperty("disabled", false);
    }
  });

  it("a click on it provisions nothing; disabled={false} lets the app enable it", async () => {
    const user = userEvent.setup();
    renderWithProvider(
      <>
        <UpgradeButton planId="plan-basic">Basic</UpgradeButton>
        <UpgradeButton planId="plan-basic" disabled={false}>
          Basic again
        </UpgradeButton>
      </>,
    );
    const current = screen.getByRole("button", { name: "Basic" });
    await waitFor(() => expect(current.getAttribute("data-state")).toBe("current"));
    await user.click(current);
    expect(upgradeServer.posts()).toHaveLength(0);

    const enabled = screen.getByRole("button", { name: "Basic again" });
    expect(enabled.getAttribute("data-state")).toBe("current");
    expect(enabled).toHaveProperty("disabled", false);
    await user.click(enabled);
    await waitFor(() => expect(upgradeServer.posts()).toHaveLength(1));
  });
});
