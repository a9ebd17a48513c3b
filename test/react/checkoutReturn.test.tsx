/**
 * Coming back from a hosted checkout: the marker is removed from the URL (nothing else), the
 * customer is polled until the bought plan is live, and meanwhile the Paywall holds its buttons.
 * The webhook lag is simulated in front of the real handler: the customer route keeps answering
 * the old customer for a while after the payment.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { StrictMode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Paywall, useCheckoutStatus } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, ENDPOINT, IDENTITY_HEADER, serveDuringTests } from "../support/upgradeServer.js";

const onFree = {
  id: "customer-1",
  subscriptions: [{ id: "s-free", planId: "plan-free", status: "ACTIVE" as const, startDate: "2026-01-01T00:00:00.000Z" }],
};
const upgradeServer = createTestUpgradeServer({ customers: [onFree] });
const { server, handler } = upgradeServer;
serveDuringTests(upgradeServer);
beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, "", "/billing?tab=plans");
});

/** The customer as the backend has it now, as JSON text. */
function snapshotCustomer(): Promise<string> {
  return handler(new Request(`${ENDPOINT}/customer`, { headers: { [IDENTITY_HEADER]: "customer-1" } })).then((response) =>
    response.text(),
  );
}

/** The customer route answers `stale` (taken before paying) until `until()` is true: webhook lag. */
function lagCustomerUntil(stale: string, until: () => boolean) {
  server.use(
    http.get(`${ENDPOINT}/customer`, () => (until() ? undefined : new Response(stale, { headers: { "Content-Type": "application/json" } }))),
  );
}

/** Goes through the real flow: click Upgrade, pay on the backend's checkout page, come back. */
async function buyBasicAndReturn(navigations: string[]) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole("button", { name: "Upgrade: Basic" }));
  await waitFor(() => expect(navigations).toHaveLength(1));
  const page = await fetch(navigations[0]!).then((response) => response.text());
  const action = /<form[^>]*action="([^"]*\/pay)"/.exec(page)?.[1];
  const paid = await fetch(new URL(action!, navigations[0]), { method: "POST", redirect: "manual" });
  return paid.headers.get("location")!;
}

function Status() {
  const checkout = useCheckoutStatus();
  return <p data-testid="checkout-status">{checkout.status}</p>;
}

describe("return from a hosted checkout", () => {
  it("strips the marker, holds the buttons while the plan is not live, then shows it current", async () => {
    const beforePaying = await snapshotCustomer();
    const first = renderWithProvider(<Paywall />);
    const returnUrl = await buyBasicAndReturn(first.navigations);
    expect(returnUrl).toBe("http://localhost:3000/billing?tab=plans&ruk_checkout=success");
    first.unmount();

    let activated = false;
    lagCustomerUntil(beforePaying, () => activated);
    window.history.replaceState(null, "", returnUrl);
    const onCheckoutCompleted = vi.fn();
    renderWithProvider(
      <>
        <Status />
        <Paywall />
      </>,
      { onCheckoutCompleted },
    );

    // Finalizing from the first paint on; the marker goes once the return code has loaded.
    expect(screen.getByTestId("checkout-status").textContent).toBe("finalizing");
    await waitFor(() => expect(window.location.search).toBe("?tab=plans"));
    expect(await screen.findByText("Finishing your upgrade…")).toBeTruthy();
    // While finalizing, Basic is not yet current and no plan button can be clicked.
    const basic = await screen.findByRole("article", { name: "Basic" });
    expect(basic.getAttribute("data-current")).toBeNull();
    for (const button of within(screen.getByRole("list", { name: "Plans" })).getAllByRole("button", { name: /: / })) {
      expect(button).toHaveProperty("disabled", true);
    }

    activated = true;
    await waitFor(() => expect(screen.getByTestId("checkout-status").textContent).toBe("completed"), { timeout: 5_000 });
    expect(onCheckoutCompleted).toHaveBeenCalledWith({ subscription: expect.objectContaining({ planId: "plan-basic", status: "ACTIVE" }) });
    await waitFor(() => expect(screen.getByRole("article", { name: "Basic" }).getAttribute("data-current")).toBe("true"));
    expect(screen.queryByText("Finishing your upgrade…")).toBeNull();
  });

  it("a cancel marker is stripped and reported; the plan stays as it was", async () => {
    window.history.replaceState(null, "", "/billing?tab=plans&ruk_checkout=canceled#pricing");
    const onCheckoutCanceled = vi.fn();
    renderWithProvider(
      <>
        <Status />
        <Paywall />
      </>,
      { onCheckoutCanceled },
    );
    await waitFor(() => expect(onCheckoutCanceled).toHaveBeenCalledTimes(1));
    expect(`${window.location.search}${window.location.hash}`).toBe("?tab=plans#pricing");
    expect(screen.getByTestId("checkout-status").textContent).toBe("canceled");
    expect((await screen.findByRole("article", { name: "Free" })).getAttribute("data-current")).toBe("true");
    expect(screen.getByRole("button", { name: "Upgrade: Basic" })).toHaveProperty("disabled", false);
  });

  it("a crafted success link in a tab that bought nothing reports nothing: it only refreshes the customer", async () => {
    let customerReads = 0;
    const countReads = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname === `${new URL(ENDPOINT).pathname}/customer`) customerReads += 1;
    };
    server.events.on("request:start", countReads);
    try {
      window.history.replaceState(null, "", "/billing?tab=plans&ruk_checkout=success");
      const onCheckoutCompleted = vi.fn();
      renderWithProvider(
        <>
          <Status />
          <Paywall />
        </>,
        { onCheckoutCompleted },
      );
      // The return code has run once the marker is gone; it decides there and then.
      await waitFor(() => expect(window.location.search).toBe("?tab=plans"));
      expect(await screen.findByRole("article", { name: "Free" })).toHaveProperty("dataset.current", "true");
      expect(customerReads).toBeGreaterThanOrEqual(1);
      expect(screen.getByTestId("checkout-status").textContent).toBe("idle");
      expect(onCheckoutCompleted).not.toHaveBeenCalled();
      expect(screen.queryByText("Finishing your upgrade…")).toBeNull();
    } finally {
      server.events.removeListener("request:start", countReads);
    }
  });

  it("after a return the page's URL is byte for byte what it was before the checkout, marker aside", async () => {
    window.history.replaceState(null, "", "/billing?q=a%20b&flag&x=1+2&ruk_checkout=canceled#pricing");
    const onCheckoutCanceled = vi.fn();
    renderWithProvider(<Paywall />, { onCheckoutCanceled });
    await waitFor(() => expect(onCheckoutCanceled).toHaveBeenCalledTimes(1));
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe("/billing?q=a%20b&flag&x=1+2#pricing");
  });

  it("gives up after the timeout: a notice, onCheckoutUnconfirmed, no error", async () => {
    const beforePaying = await snapshotCustomer();
    const first = renderWithProvider(<Paywall />);
    const returnUrl = await buyBasicAndReturn(first.navigations);
    first.unmount();
    lagCustomerUntil(beforePaying, () => false);
    window.history.replaceState(null, "", returnUrl);
    const onCheckoutUnconfirmed = vi.fn();
    renderWithProvider(<Paywall />, { onCheckoutUnconfirmed, checkoutFinalizeTimeoutMs: 800 });
    expect(await screen.findByText(/Your payment is being confirmed/, {}, { timeout: 3_000 })).toBeTruthy();
    expect(onCheckoutUnconfirmed).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("works under StrictMode's double effects (one finalization, completed)", async () => {
    const first = renderWithProvider(<Paywall />);
    const returnUrl = await buyBasicAndReturn(first.navigations);
    first.unmount();
    window.history.replaceState(null, "", returnUrl);
    const onCheckoutCompleted = vi.fn();
    renderWithProvider(
      <StrictMode>
        <Status />
        <Paywall />
      </StrictMode>,
      { onCheckoutCompleted },
    );
    await waitFor(() => expect(screen.getByTestId("checkout-status").textContent).toBe("completed"), { timeout: 5_000 });
    expect(onCheckoutCompleted).toHaveBeenCalledTimes(1);
  });

  it("before redirecting, the intent (plan, period, key) is kept in sessionStorage", async () => {
    const { navigations } = renderWithProvider(<Paywall />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("radio", { name: /Annually/ }));
    await user.click(screen.getByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    const stored = JSON.parse(window.sessionStorage.getItem(`react-upgrade-kit:checkout:${ENDPOINT}`)!) as Record<string, unknown>;
    expect(stored).toMatchObject({ customerId: "customer-1", planId: "plan-basic", billingPeriod: "ANNUALLY" });
    expect(stored.idempotencyKey).toBe(upgradeServer.posts()[0]?.headers.get("idempotency-key"));
  });
});
