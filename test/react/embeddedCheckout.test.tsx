/**
 * Embedded checkout with an injected fake Stripe object (Stripe.js cannot load here): the dialog
 * opens, is labelled, mounts Stripe's checkout in it, and completion, closing and load failures
 * each do the right thing.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import userEvent from "@testing-library/user-event";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { embeddedCheckout, Paywall, StiggProvider, type StripeLike } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, ENDPOINT, IDENTITY_HEADER, serveDuringTests } from "../support/upgradeServer.js";

const upgradeServer = createTestUpgradeServer({
  customers: [{ id: "customer-1", subscriptions: [{ id: "s", planId: "plan-free", status: "ACTIVE", startDate: "2026-01-01T00:00:00.000Z" }] }],
  backend: { checkoutMode: "embedded" },
});
const { backend } = upgradeServer;
serveDuringTests(upgradeServer);
// The dialog's code is loaded lazily on the first checkout. Vitest transforms it on that first
// load, which on a cold clean clone took longer than a query's 1 s wait (seen in CI); loading it
// once here keeps the tests about what the user sees, not about the transform's speed.
beforeAll(async () => {
  await import("../../src/react/checkout/embedded.js");
}, 30_000);
beforeEach(() => {
  window.history.replaceState(null, "", "/billing");
});

function fakeStripe() {
  const calls = { created: [] as { clientSecret?: string }[], mounted: [] as HTMLElement[], destroyed: 0 };
  let complete: (() => void) | undefined;
  const stripe: StripeLike = {
    async createEmbeddedCheckoutPage(options) {
      calls.created.push({ clientSecret: options.clientSecret });
      complete = options.onComplete;
      return {
        mount: (element) => {
          calls.mounted.push(element);
          element.textContent = "Stripe checkout form";
        },
        unmount: () => undefined,
        destroy: () => {
          calls.destroyed += 1;
        },
      };
    },
  };
  return { stripe, calls, complete: () => complete?.() };
}

async function openCheckout() {
  const user = userEvent.setup();
  const upgrade = await screen.findByRole("button", { name: "Upgrade: Basic" });
  upgrade.focus();
  await user.click(upgrade);
  return { user, dialog: await screen.findByRole("dialog", { name: "Complete your purchase" }), upgrade };
}

/** What the real Stripe would do on payment: the backend hears of it (webhook), then onComplete. */
async function payOnBackend(clientSecret: string) {
  await backend.checkout.pay(clientSecret.slice(0, clientSecret.indexOf("_secret_")));
}

describe("embedded checkout", () => {
  it("mounts Stripe's checkout in a labelled dialog; completing it finalizes and shows the plan", async () => {
    const fake = fakeStripe();
    const onCheckoutCompleted = vi.fn();
    const { navigations } = renderWithProvider(<Paywall />, { checkout: embeddedCheckout({ stripe: fake.stripe }), onCheckoutCompleted });
    const { dialog } = await openCheckout();
    await waitFor(() => expect(fake.calls.mounted).toHaveLength(1));
    expect(dialog.contains(fake.calls.mounted[0]!)).toBe(true);
    expect(dialog.textContent).toContain("Stripe checkout form");
    const secret = fake.calls.created[0]!.clientSecret!;
    expect(secret).toMatch(/^cs_\w+_secret_/);
    expect(navigations).toEqual([]);

    await payOnBackend(secret);
    fake.complete();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fake.calls.destroyed).toBe(1);
    await waitFor(() => expect(onCheckoutCompleted).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByRole("article", { name: "Basic" }).getAttribute("data-current")).toBe("true"));
  });

  it("the close button destroys it, reports a cancel, and gives focus back", async () => {
    const fake = fakeStripe();
    const onCheckoutCanceled = vi.fn();
    // An override left undefined keeps its default: the dialog is still "Complete your purchase".
    const texts = { title: undefined, close: "Close checkout" };
    renderWithProvider(<Paywall />, { checkout: embeddedCheckout({ stripe: fake.stripe, texts }), onCheckoutCanceled });
    const { user, upgrade } = await openCheckout();
    await waitFor(() => expect(fake.calls.mounted).toHaveLength(1));
    await user.click(screen.getByRole("button", { name: "Close checkout" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fake.calls.destroyed).toBe(1);
    expect(onCheckoutCanceled).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(upgrade);
    await waitFor(() => expect(upgrade).toHaveProperty("disabled", false));
  });

  it("Esc (the dialog's cancel event) closes it the same way", async () => {
    const fake = fakeStripe();
    const onCheckoutCanceled = vi.fn();
    renderWithProvider(<Paywall />, { checkout: embeddedCheckout({ stripe: fake.stripe }), onCheckoutCanceled });
    const { dialog } = await openCheckout();
    await waitFor(() => expect(fake.calls.mounted).toHaveLength(1));
    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fake.calls.destroyed).toBe(1);
    expect(onCheckoutCanceled).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["Stripe.js fails to load", () => Promise.reject(new Error("blocked by client"))],
    ["Stripe.js never loads (timeout)", () => new Promise<StripeLike | null>(() => undefined)],
  ])("%s: falls back to the hosted checkout", async (_name, stripe) => {
    const { navigations } = renderWithProvider(<Paywall />, { checkout: embeddedCheckout({ stripe: stripe(), loadTimeoutMs: 100 }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(navigations[0]).toContain(`${ENDPOINT}/checkout/`);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("hovering an upgrade button starts loading Stripe.js (the real loader injects its script)", async () => {
    const stripeScripts = () => Array.from(document.querySelectorAll("script")).filter((script) => script.src.startsWith("https://js.stripe.com"));
    expect(stripeScripts()).toEqual([]);
    renderWithProvider(<Paywall />, { checkout: embeddedCheckout({ publishableKey: "pk_test_123" }) });
    const user = userEvent.setup();
    await user.hover(await screen.findByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(stripeScripts()).toHaveLength(1));
  });

  it("without `checkout` a client secret is ignored and the hosted checkout is used", async () => {
    const fake = fakeStripe();
    embeddedCheckout({ stripe: fake.stripe }); // made but not passed: the provider redirects
    const { navigations } = renderWithProvider(<Paywall />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(fake.calls.created).toEqual([]);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("a configuration made inline on every render keeps the open dialog (one Stripe checkout)", async () => {
    const fake = fakeStripe();
    function App() {
      const [renders, setRenders] = useState(0);
      return (
        <StiggProvider
          endpoint={ENDPOINT}
          customerId="customer-1"
          getHeaders={() => ({ [IDENTITY_HEADER]: "customer-1" })}
          navigate={() => undefined}
          checkout={embeddedCheckout({ stripe: fake.stripe })}
        >
          <button type="button" onClick={() => setRenders(renders + 1)}>rerender {renders}</button>
          <Paywall />
        </StiggProvider>
      );
    }
    render(<App />, { wrapper: ({ children }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider> });
    const { user } = await openCheckout();
    await waitFor(() => expect(fake.calls.mounted).toHaveLength(1));
    await user.click(screen.getByRole("button", { name: "rerender 0", hidden: true }));
    await user.click(screen.getByRole("button", { name: "rerender 1", hidden: true }));
    expect(screen.getByRole("dialog", { name: "Complete your purchase" })).toBeTruthy();
    expect(fake.calls.created).toHaveLength(1);
  });
});
