/**
 * axe-core over the rendered Paywall and UpgradeButton in jsdom. jsdom has no layout, so rules that
 * need rendering (colour contrast) are left to the real-browser checks in Storybook.
 */
import { screen } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { Paywall, UpgradeButton } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, serveDuringTests } from "../support/upgradeServer.js";

serveDuringTests(
  createTestUpgradeServer({
    customers: [{ id: "customer-1", subscriptions: [{ id: "s", planId: "plan-basic", status: "ACTIVE", billingPeriod: "MONTHLY", startDate: "2026-01-01T00:00:00.000Z" }] }],
  }),
);

async function violations(root: HTMLElement) {
  const result = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(", ")}`);
}

describe("accessibility (axe)", () => {
  it("the ready Paywall has no violations", async () => {
    const { container } = renderWithProvider(<Paywall highlightedPlanId="plan-pro" />);
    await screen.findByRole("article", { name: "Pro" });
    expect(await violations(container)).toEqual([]);
  });

  it("the loading and visitor Paywalls have no violations", async () => {
    const { container } = renderWithProvider(<Paywall signUpUrl="/signup" />, { customerId: null });
    expect(await violations(container)).toEqual([]);
    await screen.findByRole("article", { name: "Pro" });
    expect(await violations(container)).toEqual([]);
  });

  it("the UpgradeButton has no violations", async () => {
    const { container } = renderWithProvider(<UpgradeButton planId="plan-pro">Upgrade to Pro</UpgradeButton>);
    expect(await violations(container)).toEqual([]);
  });

  it("axe does catch a violation here (so the checks above can fail)", async () => {
    const { container } = renderWithProvider(
      <Paywall renderPlan={() => <button type="button" aria-label="">{""}</button>} />,
    );
    await screen.findAllByRole("button");
    expect((await violations(container)).join("\n")).toMatch(/button-name/);
  });
});
