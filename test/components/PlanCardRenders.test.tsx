/**
 * Re-render cost of the Paywall: changing one card's quantity must re-render that card only. Every
 * PlanCard render renders its PlanButton, which calls useCheckoutWarmUp once: the mock below counts
 * those calls, so the count is the number of PlanCard renders.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { generatePlans } from "../../bench/browser/catalogs.js";
import { Paywall } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, serveDuringTests } from "../support/upgradeServer.js";

const planCardRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/react/useCheckoutWarmUp.js", () => ({
  useCheckoutWarmUp: () => {
    planCardRenders.count++;
    return {};
  },
}));

const onFreePlan = {
  id: "customer-1",
  subscriptions: [{ id: "sub-free", planId: "plan-free", status: "ACTIVE" as const, startDate: "2026-01-01T00:00:00.000Z" }],
};
const demo = createTestUpgradeServer({ customers: [onFreePlan] });
const fifty = createTestUpgradeServer({
  plans: generatePlans(50),
  customers: [{ ...onFreePlan, subscriptions: [{ ...onFreePlan.subscriptions[0]!, planId: "plan-00" }] }],
});

/** Renders, waits for `cards` cards, then counts from zero. */
async function mounted(ui: React.ReactNode, cards: number) {
  const user = userEvent.setup();
  renderWithProvider(ui);
  expect(await screen.findAllByRole("article")).toHaveLength(cards);
  expect(planCardRenders.count).toBeGreaterThanOrEqual(cards);
  planCardRenders.count = 0;
  return user;
}

describe("PlanCard renders (demo catalog: 4 cards)", () => {
  serveDuringTests(demo);

  it("one more seat on Pro re-renders the Pro card only", async () => {
    const user = await mounted(<Paywall />, 4);
    const pro = screen.getByRole("article", { name: "Pro" });
    await user.click(within(pro).getByRole("button", { name: "More seats" }));
    expect(within(pro).getByRole("spinbutton", { name: "Number of seats" })).toHaveProperty("value", "2");
    expect(planCardRenders.count).toBe(1);
  });

  it("switching the billing period re-renders every card (each price changes): the counter counts", async () => {
    const user = await mounted(<Paywall />, 4);
    const monthly = screen.getByRole("article", { name: "Basic" }).textContent;
    await user.click(screen.getByRole("radio", { name: /Annually/ }));
    expect(screen.getByRole("article", { name: "Basic" }).textContent).not.toBe(monthly);
    // Free and Enterprise have no price per period, but their button texts name the period.
    expect(planCardRenders.count).toBeGreaterThanOrEqual(2);
  });

  it("a parent re-render with new inline options objects re-renders no card", async () => {
    function Page() {
      const [clicks, setClicks] = useState(0);
      return (
        <>
          <button type="button" onClick={() => setClicks(clicks + 1)}>
            Rerender {clicks}
          </button>
          <Paywall hiddenPlanIds={[]} textOverrides={{}} classNames={{ plan: "app-plan" }} />
        </>
      );
    }
    const user = await mounted(<Page />, 4);
    await user.click(screen.getByRole("button", { name: /Rerender/ }));
    expect(screen.getByRole("button", { name: "Rerender 1" })).toBeTruthy();
    expect(planCardRenders.count).toBe(0);
  });
});

describe("PlanCard renders (50 cards)", () => {
  serveDuringTests(fifty);
  beforeEach(() => {
    planCardRenders.count = 0;
  });

  it("one more seat on one card re-renders 1 card of 50", async () => {
    const user = await mounted(<Paywall />, 50);
    const card = screen.getByRole("article", { name: "Plan 02" });
    await user.click(within(card).getByRole("button", { name: "More seats" }));
    expect(within(card).getByRole("spinbutton", { name: "Number of seats" })).toHaveProperty("value", "2");
    expect(planCardRenders.count).toBe(1);
  });
});
