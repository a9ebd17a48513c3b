import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Paywall } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, ENDPOINT, serveDuringTests } from "../support/upgradeServer.js";

const onFreePlan = {
  id: "customer-1",
  subscriptions: [{ id: "sub-free", planId: "plan-free", status: "ACTIVE" as const, startDate: "2026-01-01T00:00:00.000Z" }],
};
/** Pays by card on file, so a change of seats is made at once, without a checkout. */
const onProWithCard = {
  id: "customer-2",
  hasPaymentMethod: true,
  subscriptions: [
    { id: "sub-pro", planId: "plan-pro", status: "ACTIVE" as const, billingPeriod: "MONTHLY" as const, unitQuantity: 2, startDate: "2026-01-01T00:00:00.000Z" },
  ],
};
const upgradeServer = createTestUpgradeServer({ customers: [onFreePlan, onProWithCard] });
const { server } = upgradeServer;
serveDuringTests(upgradeServer);
beforeEach(() => window.history.replaceState(null, "", "/pricing"));

const card = (planName: string) => screen.getByRole("article", { name: planName });

describe("<Paywall> for a customer on the free plan", () => {
  it("shows the switch, prices, savings, badges and one button per plan with the right intent", async () => {
    renderWithProvider(<Paywall />);
    const switchGroup = await screen.findByRole("radiogroup", { name: "Billing period" });
    expect(within(switchGroup).getByRole("radio", { name: "Monthly" })).toHaveProperty("checked", true);
    expect(within(switchGroup).getByRole("radio", { name: /Annually/ })).toHaveProperty("checked", false);
    // Basic saves 20%, Pro 16%: the switch promises no plan more than it gives, each card its own.
    expect(within(switchGroup).getByText("Save up to 20%")).toBeTruthy();

    const plans = screen.getByRole("list", { name: "Plans" });
    expect(within(plans).getAllByRole("article").map((article) => article.getAttribute("data-plan-id"))).toEqual([
      "plan-free",
      "plan-basic",
      "plan-pro",
      "plan-enterprise",
    ]);

    expect(within(card("Free")).getByText("Current plan", { selector: "p" })).toBeTruthy();
    expect(within(card("Free")).getByRole("button", { name: "Current plan: Free" })).toHaveProperty("disabled", true);

    expect(card("Basic").textContent).toContain("$10 / month");
    expect(within(card("Basic")).getByText("Everything in Free, plus:")).toBeTruthy();
    expect(within(card("Basic")).getByRole("button", { name: "Upgrade: Basic" })).toHaveProperty("disabled", false);

    expect(card("Pro").textContent).toContain("$12 per seat / month");
    expect(within(card("Pro")).getByText("Save 16% with annual billing")).toBeTruthy();
    expect(within(card("Basic")).getByText("Save 20% with annual billing")).toBeTruthy();
    expect(within(card("Pro")).getByText("14-day free trial")).toBeTruthy();
    expect(within(card("Pro")).getByRole("button", { name: "Start free trial: Pro" })).toBeTruthy();

    expect(card("Enterprise").textContent).toContain("Custom pricing");
    expect(within(card("Enterprise")).getByRole("button", { name: "Contact sales: Enterprise" })).toBeTruthy();
  });

  it("clicking Upgrade provisions with one POST and follows the checkout", async () => {
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(<Paywall />);
    const upgrade = await screen.findByRole("button", { name: "Upgrade: Basic" });
    await user.click(upgrade);
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0]).toContain("/api/upgrade/checkout/");
    expect(upgradeServer.posts()).toHaveLength(1);
    expect(upgradeServer.posts()[0]?.body).toMatchObject({ planId: "plan-basic", billingPeriod: "MONTHLY" });
    // While the checkout opens, every plan button waits.
    for (const button of within(screen.getByRole("list", { name: "Plans" })).getAllByRole("button", { name: /: / })) {
      expect(button).toHaveProperty("disabled", true);
    }
    expect(upgrade.getAttribute("aria-busy")).toBe("true");
    // Busy is not just faded like the disabled buttons: a line under it says what is happening.
    expect(within(card("Basic")).getByRole("status").textContent).toBe("Opening checkout…");
    expect(upgrade.nextElementSibling).toBe(within(card("Basic")).getByRole("status"));
    expect(screen.getAllByRole("status")).toHaveLength(1);
  });

  it("switching to annual shows the annual price per month and provisions the annual period", async () => {
    const user = userEvent.setup();
    const onBillingPeriodChange = vi.fn();
    renderWithProvider(<Paywall onBillingPeriodChange={onBillingPeriodChange} />);
    await user.click(await screen.findByRole("radio", { name: /Annually/ }));
    expect(onBillingPeriodChange).toHaveBeenCalledWith("ANNUALLY");
    expect(card("Basic").textContent).toContain("$8 / month");
    expect(card("Basic").textContent).toContain("billed annually ($96)");
    await user.click(screen.getByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(upgradeServer.posts()).toHaveLength(1));
    expect(upgradeServer.posts()[0]?.body).toMatchObject({ planId: "plan-basic", billingPeriod: "ANNUALLY" });
  });

  it("the seat stepper stays within bounds and the chosen quantity is provisioned", async () => {
    const user = userEvent.setup();
    renderWithProvider(<Paywall />);
    const pro = await screen.findByRole("article", { name: "Pro" });
    const fewer = within(pro).getByRole("button", { name: "Fewer seats" });
    expect(fewer).toHaveProperty("disabled", true);
    await user.click(within(pro).getByRole("button", { name: "More seats" }));
    await user.click(within(pro).getByRole("button", { name: "More seats" }));
    expect(within(pro).getByRole("spinbutton", { name: "Number of seats" })).toHaveProperty("value", "3");
    expect(pro.textContent).toContain("$36 / month for 3 seats");
    await user.click(within(pro).getByRole("button", { name: "Start free trial: Pro" }));
    await waitFor(() => expect(upgradeServer.posts()).toHaveLength(1));
    expect(upgradeServer.posts()[0]?.body).toMatchObject({ planId: "plan-pro", unitQuantity: 3, billingPeriod: "MONTHLY" });
    // A trial is provisioned at once: the customer refreshes and Pro becomes the current plan.
    await waitFor(() => expect(card("Pro").getAttribute("data-current")).toBe("true"));
  });

  it("a typed quantity beyond the plan's limits is changed to fit, and the stepper says why", async () => {
    const user = userEvent.setup();
    renderWithProvider(<Paywall />);
    const pro = await screen.findByRole("article", { name: "Pro" });
    const input = within(pro).getByRole("spinbutton", { name: "Number of seats" });
    await user.clear(input);
    await user.type(input, "500");
    expect(input).toHaveProperty("value", "50");
    expect(within(pro).getByRole("status").textContent).toBe("From 1 to 50 seats.");
    // A step with the buttons stays within the limits by itself: nothing to explain.
    await user.click(within(pro).getByRole("button", { name: "Fewer seats" }));
    expect(input).toHaveProperty("value", "49");
    expect(within(pro).queryByRole("status")).toBeNull();
  });

  it("onPlanSelected takes over: it receives the choice and nothing is posted", async () => {
    const user = userEvent.setup();
    const onPlanSelected = vi.fn();
    renderWithProvider(<Paywall onPlanSelected={onPlanSelected} />);
    await user.click(await screen.findByRole("button", { name: "Contact sales: Enterprise" }));
    await user.click(screen.getByRole("button", { name: "Upgrade: Basic" }));
    expect(onPlanSelected).toHaveBeenCalledTimes(2);
    expect(onPlanSelected.mock.calls[1]?.[0]).toMatchObject({
      plan: { id: "plan-basic" },
      intent: "UPGRADE",
      billingPeriod: "MONTHLY",
      unitQuantity: undefined,
    });
    expect(upgradeServer.posts()).toEqual([]);
  });

  it("Contact sales is a link when the app gives a URL", async () => {
    renderWithProvider(<Paywall contactSalesUrl="https://example.com/sales" />);
    const link = await screen.findByRole("link", { name: "Contact sales: Enterprise" });
    expect(link.getAttribute("href")).toBe("https://example.com/sales");
  });

  it("a script URL never becomes a link (React 18 would render it as given); mail links do", async () => {
    const { unmount } = renderWithProvider(<Paywall contactSalesUrl=" javascript:alert(1)" />);
    const button = await screen.findByRole("button", { name: "Contact sales: Enterprise" });
    expect(button).toHaveProperty("disabled", true);
    expect(document.querySelector("a[href]")).toBeNull();
    unmount();
    renderWithProvider(<Paywall contactSalesUrl={() => "mailto:sales@example.com"} />);
    const link = await screen.findByRole("link", { name: "Contact sales: Enterprise" });
    expect(link.getAttribute("href")).toBe("mailto:sales@example.com");
  });

  it("highlights a plan and draws custom cards through renderPlan with the library's logic", async () => {
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(
      <Paywall
        highlightedPlanId="plan-pro"
        renderPlan={(model, helpers) => (
          <div data-testid={`custom-${model.plan.id}`}>
            <span>{`${model.plan.displayName} ${model.price.label}${model.badge ? ` [${model.badge}]` : ""}`}</span>
            <button type="button" disabled={!helpers.selectable} onClick={helpers.select}>
              {model.buttonLabel}
            </button>
          </div>
        )}
      />,
    );
    expect((await screen.findByTestId("custom-plan-pro")).textContent).toContain("Pro $12 per seat / month [Most popular]");
    await user.click(within(screen.getByTestId("custom-plan-basic")).getByRole("button", { name: "Upgrade" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
  });

  it("a failed provision is reported and the buttons work again", async () => {
    server.use(
      http.post(`${ENDPOINT}/provision-subscription`, () =>
        HttpResponse.json({ error: { code: "CARD_DECLINED", message: "Your card was declined" } }, { status: 402 }),
      ),
    );
    const user = userEvent.setup();
    renderWithProvider(<Paywall />);
    await user.click(await screen.findByRole("button", { name: "Upgrade: Basic" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The upgrade could not be started: Your card was declined");
    expect(screen.getByRole("button", { name: "Upgrade: Basic" })).toHaveProperty("disabled", false);
    // Where the user clicked, right under that button: on a phone the end of the list is screens away.
    const alert = within(card("Basic")).getByRole("alert");
    expect(alert.previousElementSibling).toBe(screen.getByRole("button", { name: "Upgrade: Basic" }));
    expect(screen.getAllByRole("alert")).toEqual([alert]);
  });

  it("a change made at once (no checkout) says so politely, on the card's plan", async () => {
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(<Paywall />, { customerId: "customer-2" });
    await user.click(within(await screen.findByRole("article", { name: "Pro" })).getByRole("button", { name: "More seats" }));
    await user.click(screen.getByRole("button", { name: "Update seats: Pro" }));
    expect((await screen.findByText("Done: you're on Pro.")).getAttribute("role")).toBe("status");
    expect(navigations).toEqual([]);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("<Paywall> states", () => {
  it("shows a loading state, then the plans", async () => {
    renderWithProvider(<Paywall />);
    expect(screen.getByRole("status").textContent).toContain("Loading plans…");
    await screen.findByRole("radiogroup");
  });

  it("shows an error with a retry that works", async () => {
    let fail = true;
    server.use(
      http.get(`${ENDPOINT}/plans`, () =>
        fail ? HttpResponse.json({ error: { code: "DOWN", message: "down" } }, { status: 500 }) : undefined,
      ),
    );
    const user = userEvent.setup();
    renderWithProvider(<Paywall />);
    expect((await screen.findByRole("alert")).textContent).toContain("Could not load plans");
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByRole("article", { name: "Basic" });
  });

  it("shows an empty state when no plan is on offer", async () => {
    renderWithProvider(<Paywall productId="no-such-product" />);
    expect(await screen.findByText("No plans available")).toBeTruthy();
  });

  it("a visitor sees Sign up, as links when the app gives a sign-up URL", async () => {
    renderWithProvider(<Paywall signUpUrl={(plan) => `/signup?plan=${plan.id}`} />, { customerId: null });
    const link = await screen.findByRole("link", { name: "Sign up: Basic" });
    expect(link.getAttribute("href")).toBe("/signup?plan=plan-basic");
    expect(screen.getByText("14-day free trial")).toBeTruthy();
  });

  it("unstyled drops the library's classes but keeps the app's", async () => {
    const { container } = renderWithProvider(<Paywall unstyled classNames={{ plan: "my-card" }} className="my-paywall" />);
    await screen.findByRole("article", { name: "Basic" });
    const classes = Array.from(container.querySelectorAll("[class]")).flatMap((element) => Array.from(element.classList));
    expect(classes.filter((name) => name.startsWith("ruk-") && name !== "ruk-visually-hidden" && !name.startsWith("ruk-plan__"))).toEqual([]);
    expect(container.querySelector(".my-paywall")).not.toBeNull();
    expect(container.querySelectorAll(".my-card")).toHaveLength(4);
  });

  it("styled by default with stable class names", async () => {
    const { container } = renderWithProvider(<Paywall />);
    await screen.findByRole("article", { name: "Basic" });
    expect(container.querySelector(".ruk-paywall .ruk-plans .ruk-plan.ruk-plan--current")?.getAttribute("data-plan-id")).toBe("plan-free");
  });
});
