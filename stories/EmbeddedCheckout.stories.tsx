import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { embeddedCheckout, Paywall, type StripeLike } from "../src/index.js";
import { storyEndpoint, upgradeKit } from "./support/storyBackend.js";

/**
 * A stand-in for Stripe.js (the real one cannot load here) that does what Stripe's embedded checkout
 * does: it shows the session's amount (read from the backend's dev checkout page) and, when paid,
 * tells the backend (a POST to that page's pay route, as Stripe's webhook would) before calling
 * `onComplete`. All of it over HTTP, to the story's own backend.
 */
function fakeStripe(endpoint: string): StripeLike {
  return {
    async createEmbeddedCheckoutPage({ clientSecret = "", onComplete }) {
      const sessionId = clientSecret.slice(0, clientSecret.indexOf("_secret_"));
      const sessionPath = `${endpoint}/checkout/${encodeURIComponent(sessionId)}`;
      const page = new DOMParser().parseFromString(await (await fetch(sessionPath)).text(), "text/html");
      const amount = page.querySelector(".ruk-checkout-price")?.textContent;
      if (!amount) throw new Error(`No open checkout session ${sessionId}`);

      const form = document.createElement("form");
      form.setAttribute("aria-label", "Test payment");
      form.style.cssText = "display: grid; gap: 12px; justify-items: start";
      const note = Object.assign(document.createElement("p"), { textContent: "Fake Stripe: no card is charged." });
      note.style.margin = "0";
      const pay = Object.assign(document.createElement("button"), { type: "submit", textContent: `Test card · Pay ${amount}` });
      pay.style.cssText = "font: inherit; padding: 10px 20px; border: 0; border-radius: 8px; background: #2454d6; color: #ffffff; cursor: pointer";
      const failure = Object.assign(document.createElement("p"), { role: "alert" });
      form.append(note, pay, failure);
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        pay.disabled = true;
        // The pay route answers 303 to the return URL; not following it keeps this a plain POST.
        const response = await fetch(`${sessionPath}/pay`, { method: "POST", redirect: "manual" }).catch(() => null);
        if (response && (response.ok || response.type === "opaqueredirect")) {
          onComplete?.();
        } else {
          failure.textContent = `The payment failed (${response ? response.status : "network error"}).`;
          pay.disabled = false;
        }
      });
      return { mount: (element: HTMLElement) => element.replaceChildren(form), unmount: () => form.remove(), destroy: () => form.remove() };
    },
  };
}

const meta = {
  title: "Checkout/Embedded",
  component: Paywall,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "Embedded checkout is opt-in: `<StiggProvider checkout={embeddedCheckout({ stripe | publishableKey })}>`. When the " +
          "backend answers PAYMENT_REQUIRED with a `checkoutClientSecret`, the library opens a modal dialog and mounts " +
          "`stripe.createEmbeddedCheckoutPage()` in it instead of redirecting. Here a fake Stripe object stands in for " +
          "Stripe.js and pays the session on the story's in-memory backend; if Stripe.js cannot load, the hosted checkout is used.",
      },
    },
    ...upgradeKit({ checkout: ({ endpoint }) => embeddedCheckout({ stripe: fakeStripe(endpoint) }) }),
  },
} satisfies Meta<typeof Paywall>;

export default meta;
type Story = StoryObj<typeof meta>;
type PlayContext = Parameters<NonNullable<Story["play"]>>[0];

/** Clicks "Upgrade: Basic" and waits for the checkout dialog with the fake Stripe form in it. */
async function openBasicCheckout({ canvas, userEvent }: PlayContext) {
  await userEvent.click(await canvas.findByRole("button", { name: "Upgrade: Basic" }));
  const dialog = await canvas.findByRole("dialog", { name: "Complete your purchase" });
  const pay = await within(dialog).findByRole("button", { name: "Test card · Pay $10" });
  return { dialog, pay };
}

/** Upgrade, pay in the dialog, and Basic is the current plan: the page never leaves. */
export const PayInDialog: Story = {
  name: "Pay in the dialog",
  play: async (context) => {
    const { canvas, userEvent, step } = context;
    const basic = await canvas.findByRole("article", { name: "Basic" });
    await expect(await canvas.findByRole("article", { name: "Free" })).toHaveTextContent("Current plan");

    const { pay } = await openBasicCheckout(context);
    await step("pay: the dialog closes and Basic goes live", async () => {
      await userEvent.click(pay);
      await waitFor(() => expect(canvas.queryByRole("dialog")).toBeNull());
      await waitFor(() => expect(basic).toHaveAttribute("data-current", "true"), { timeout: 10_000 });
      await expect(basic).toHaveTextContent("Current plan");
      await expect(canvas.queryByTestId("navigation")).toBeNull();
    });
  },
};

/** The dialog left open, so the accessibility check runs on it (and on the form Stripe mounts). */
export const DialogOpen: Story = {
  name: "Dialog open",
  play: async (context) => {
    const { dialog } = await openBasicCheckout(context);
    await expect(within(dialog).getByRole("button", { name: "Close checkout" })).toBeVisible();
    await expect(within(dialog).getByRole("form", { name: "Test payment" })).toBeVisible();
  },
};

/** Stripe.js cannot load (an ad blocker, a CSP): the library falls back to the hosted checkout. */
export const StripeBlocked: Story = {
  name: "Stripe.js blocked → hosted fallback",
  parameters: upgradeKit({
    checkout: () => embeddedCheckout({ stripe: Promise.reject(new Error("Blocked by the client")), loadTimeoutMs: 500 }),
  }),
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(await canvas.findByRole("button", { name: "Upgrade: Basic" }));
    const navigation = await canvas.findByTestId("navigation");
    await expect(navigation).toHaveTextContent(`Navigated to ${window.location.origin}${storyEndpoint(id)}/checkout/cs_`);
    await expect(canvas.queryByRole("dialog")).toBeNull();
  },
};
