/** The Paywall drawing a catalog priced the ways Stigg prices plans (stories/support/stiggCatalog.ts). */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Paywall } from "../../src/index.js";
import { stiggPlans } from "../../stories/support/stiggCatalog.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, serveDuringTests } from "../support/upgradeServer.js";

const upgradeServer = createTestUpgradeServer({ plans: stiggPlans, customers: [{ id: "customer-1", subscriptions: [] }] });
serveDuringTests(upgradeServer);

const card = (planName: string) => screen.getByRole("article", { name: planName });

describe("<Paywall> with Stigg's pricing", () => {
  it("draws prices that add up, blocks, tiers, one-off add-ons, ENUM values and not-included features", async () => {
    const user = userEvent.setup();
    renderWithProvider(<Paywall />);

    const team = await screen.findByRole("article", { name: "Team" });
    expect(team.textContent).toContain("$20 + $8 per seat / month");
    expect(team.textContent).toContain("$28 / month for 1 seat");
    expect(within(team).getByText("Onboarding: $100 one-time")).toBeTruthy();
    expect(within(team).getByText("Region: EU, US")).toBeTruthy();
    await user.click(within(team).getByRole("button", { name: "More seats" }));
    expect(team.textContent).toContain("$36 / month for 2 seats");

    const business = card("Business");
    expect(business.textContent).toContain("$40 per 5 seats / month");
    await user.click(within(business).getByRole("button", { name: "More seats" }));
    expect(business.textContent).toContain("$80 / month for 6 seats");

    const scale = card("Scale");
    expect(scale.textContent).toContain("From $10 per seat / month");
    expect(scale.textContent).not.toContain("Custom pricing");
    expect(within(scale).getByRole("button", { name: "Upgrade: Scale" })).toBeTruthy();

    const free = card("Free");
    const lines = within(free).getAllByRole("listitem");
    expect(lines.map((line) => line.textContent)).toEqual(["3 seats", "Region: EU", "Not included: SSO"]);
    expect(lines[2]!.getAttribute("data-included")).toBe("false");
    // "Not included" is for screen readers; the eye sees the marker and the muted line.
    expect(within(lines[2]!).getByText("Not included:").className).toBe("ruk-visually-hidden");
  });
});
