/**
 * Double actions: React StrictMode mounting everything twice, ten rapid clicks, two plans clicked
 * in quick succession, and Back from the hosted checkout into a page the browser restored from its
 * back/forward cache. Nothing may be provisioned twice, and nothing may stay stuck.
 *
 * Two different plans: while one provision runs (or its checkout opens), the Paywall disables every
 * plan button, so the second click is refused: nothing is posted for it and the first goes on.
 */
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  Paywall,
  UpgradeButton,
  useProvisionSubscription,
  type PlanRenderHelpers,
  type UseProvisionSubscriptionResult,
} from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { guardAgainstEscapedFaults } from "./support/faultGuard.js";
import { fault, useFaultServer } from "./support/faultServer.js";

guardAgainstEscapedFaults();
const upgradeServer = useFaultServer();
const { script, requests } = upgradeServer;
vi.setConfig({ testTimeout: 15_000 });

const SLOW = { timeout: 6_000 };
const planButtons = () => within(screen.getByRole("list", { name: "Plans" })).getAllByRole("button", { name: /: / });
const disabledPlanButtons = () => planButtons().filter((button) => button.hasAttribute("disabled")).map((button) => button.getAttribute("aria-label"));
const backFromCheckout = (persisted = true) =>
  act(() => {
    window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted }));
  });
const reads = (path: string) => requests.filter((request) => request.method === "GET" && request.path === path);

describe("StrictMode (every component mounted, unmounted and mounted again)", () => {
  afterEach(() => configure({ reactStrictMode: false }));

  it("reads once, provisions once per click, and Back from checkout still resets the buttons", async () => {
    configure({ reactStrictMode: true });
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(<Paywall />);
    const upgrade = await screen.findByRole("button", { name: "Upgrade: Basic" }, SLOW);
    const disabledAtRest = disabledPlanButtons();
    await user.click(upgrade);
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(disabledPlanButtons()).toHaveLength(planButtons().length);
    expect(reads("/plans")).toHaveLength(1);
    expect(reads("/customer")).toHaveLength(1);
    expect(upgradeServer.posts()).toHaveLength(1);

    backFromCheckout();
    expect(disabledPlanButtons()).toEqual(disabledAtRest);
    await user.click(screen.getByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(navigations).toHaveLength(2));
    expect(upgradeServer.posts()).toHaveLength(2);
  });
});

describe("ten rapid clicks make one provision", () => {
  it("on a Paywall plan button: one POST, one checkout", async () => {
    const { navigations } = renderWithProvider(<Paywall />);
    const button = await screen.findByRole("button", { name: "Upgrade: Basic" }, SLOW);
    for (let click = 0; click < 10; click++) fireEvent.click(button);
    await waitFor(() => expect(navigations).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(upgradeServer.posts()).toHaveLength(1);
    expect(navigations).toHaveLength(1);
  });

  it("on an UpgradeButton: one POST, one checkout", async () => {
    const { navigations } = renderWithProvider(<UpgradeButton planId="plan-basic" billingPeriod="MONTHLY">Upgrade</UpgradeButton>);
    const button = screen.getByRole("button", { name: "Upgrade" });
    for (let click = 0; click < 10; click++) fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute("data-state")).toBe("redirecting"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(upgradeServer.posts()).toHaveLength(1);
    expect(navigations).toHaveLength(1);
  });

  it("through an app's own buttons that never disable (renderPlan's select, ten times in one event): one POST", async () => {
    const calls = script("post", "/provision-subscription", [fault.slow(100, fault.pass())]);
    let select: PlanRenderHelpers["select"] | undefined;
    const { navigations } = renderWithProvider(
      <Paywall
        renderPlan={(card, helpers) => {
          if (card.plan.id === "plan-basic") select = helpers.select;
          return <p>{card.plan.displayName}</p>;
        }}
      />,
    );
    await screen.findByText("Basic", {}, SLOW);
    act(() => {
      for (let click = 0; click < 10; click++) select!();
    });
    await waitFor(() => expect(navigations).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toHaveLength(1);
    expect(navigations).toHaveLength(1);
  });

  it("through the hook, ten calls in one tick: one POST, and all ten promises get the same outcome", async () => {
    let hook: UseProvisionSubscriptionResult | undefined;
    function Probe() {
      hook = useProvisionSubscription();
      return <p>Status: {hook.status}</p>;
    }
    const { navigations } = renderWithProvider(<Probe />);
    const outcomes = await act(() =>
      Promise.all(Array.from({ length: 10 }, () => hook!.provisionSubscription({ planId: "plan-basic", billingPeriod: "MONTHLY" }))),
    );
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome))).size).toBe(1);
    expect(outcomes[0]).toMatchObject({ redirected: true, result: { status: "PAYMENT_REQUIRED" } });
    expect(upgradeServer.posts()).toHaveLength(1);
    expect(navigations).toHaveLength(1);
    expect(screen.getByText("Status: redirecting")).toBeTruthy();
  });
});

describe("two different plans clicked in quick succession", () => {
  it("the second click is refused (every plan button waits for the first): one POST, the first plan's checkout", async () => {
    const calls = script("post", "/provision-subscription", [fault.slow(200, fault.pass())]);
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(<Paywall />);
    await user.click(await screen.findByRole("button", { name: "Upgrade: Basic" }, SLOW));
    expect(screen.getByRole("button", { name: "Start free trial: Pro" })).toHaveProperty("disabled", true);
    await user.click(screen.getByRole("button", { name: "Start free trial: Pro" }));
    fireEvent.click(screen.getByRole("button", { name: "Start free trial: Pro" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(calls).toHaveLength(1);
    expect(upgradeServer.posts().map((post) => (post.body as { planId: string }).planId)).toEqual(["plan-basic"]);
    expect(upgradeServer.backend.getState().customers.find((customer) => customer.id === "customer-1")?.subscriptions).toHaveLength(1);
  });
});

describe("Back from the hosted checkout (the page comes back from the bfcache)", () => {
  it("the Paywall is no longer stuck redirecting: buttons work again and a new click opens a new checkout", async () => {
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(<Paywall />);
    await user.click(await screen.findByRole("button", { name: "Upgrade: Basic" }, SLOW));
    await waitFor(() => expect(navigations).toHaveLength(1));
    const basic = screen.getByRole("button", { name: "Upgrade: Basic" });
    expect(basic.getAttribute("aria-busy")).toBe("true");
    expect(screen.getByRole("status").textContent).toBe("Opening checkout…");

    // A normal (non-persisted) pageshow is a fresh load's: nothing to reset.
    backFromCheckout(false);
    expect(basic.getAttribute("aria-busy")).toBe("true");

    backFromCheckout();
    expect(basic.getAttribute("aria-busy")).toBeNull();
    expect(basic).toHaveProperty("disabled", false);
    expect(screen.getByRole("article", { name: "Basic" }).closest("section")?.getAttribute("data-state")).toBe("ready");

    await user.click(basic);
    await waitFor(() => expect(navigations).toHaveLength(2));
    expect(navigations[1]).not.toBe(navigations[0]);
  });

  it("an UpgradeButton goes from redirecting back to idle", async () => {
    const user = userEvent.setup();
    renderWithProvider(<UpgradeButton planId="plan-basic" billingPeriod="MONTHLY">Upgrade</UpgradeButton>);
    const button = screen.getByRole("button", { name: "Upgrade" });
    await user.click(button);
    await waitFor(() => expect(button.getAttribute("data-state")).toBe("redirecting"));
    expect(button).toHaveProperty("disabled", true);
    backFromCheckout();
    expect(button.getAttribute("data-state")).toBe("idle");
    expect(button).toHaveProperty("disabled", false);
  });

  it("listens only after a redirect, and stops once the page came back", async () => {
    const add = vi.spyOn(window, "addEventListener");
    const remove = vi.spyOn(window, "removeEventListener");
    const pageshowListeners = (spy: typeof add) => spy.mock.calls.filter(([type]) => type === "pageshow").map(([, listener]) => listener);
    try {
      const user = userEvent.setup();
      renderWithProvider(<UpgradeButton planId="plan-basic" billingPeriod="MONTHLY">Upgrade</UpgradeButton>);
      const button = screen.getByRole("button", { name: "Upgrade" });
      expect(pageshowListeners(add)).toHaveLength(0);
      await user.click(button);
      await waitFor(() => expect(button.getAttribute("data-state")).toBe("redirecting"));
      const added = pageshowListeners(add);
      expect(added).toHaveLength(1);
      backFromCheckout();
      expect(button.getAttribute("data-state")).toBe("idle");
      expect(pageshowListeners(remove)).toEqual(added);
    } finally {
      add.mockRestore();
      remove.mockRestore();
    }
  });
});
