import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http, HttpResponse } from "msw";
import type { CSSProperties } from "react";
import { expect, waitFor, within } from "storybook/test";
import { Paywall } from "../src/index.js";
import { customerOn } from "./support/customers.js";
import { germanPlans, germanTexts } from "./support/german.js";
import { stiggPlans } from "./support/stiggCatalog.js";
import { storyApi, upgradeKit } from "./support/storyBackend.js";

const meta = {
  title: "Components/Paywall",
  component: Paywall,
  tags: ["autodocs"],
  args: { contactSalesUrl: "mailto:sales@acme.example" },
  parameters: {
    docs: {
      description: {
        component:
          "The drop-in paywall: a billing-period switch and one card per plan, with loading, error and empty states. " +
          "Each story talks to its own in-memory backend (the real `createUpgradeHandler` + `createMemoryBackend`, through msw); " +
          "checkout navigation is captured and shown below the story instead of leaving Storybook.",
      },
    },
  },
} satisfies Meta<typeof Paywall>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The signed-in demo customer on Free. Switching to annual shows the per-month equivalent. */
export const Default: Story = {
  play: async ({ canvas, userEvent, step }) => {
    const basic = await canvas.findByRole("article", { name: "Basic" });
    await expect(basic).toHaveTextContent("$10 / month");
    await expect(await canvas.findByRole("article", { name: "Free" })).toHaveTextContent("Current plan");

    await step("switch to annual billing", async () => {
      await userEvent.click(canvas.getByRole("radio", { name: /Annually/ }));
      await expect(basic).toHaveTextContent("$8 / month");
      await expect(basic).toHaveTextContent("billed annually ($96)");
      await expect(canvas.getByRole("radio", { name: /Annually/ })).toBeChecked();
    });
  },
};

export const HighlightedPlan: Story = {
  args: { highlightedPlanId: "plan-pro" },
  play: async ({ canvas }) => {
    const pro = await canvas.findByRole("article", { name: "Pro" });
    await expect(pro).toHaveAttribute("data-highlighted", "true");
    await expect(pro).toHaveTextContent("Most popular");
    await expect(await canvas.findByRole("article", { name: "Basic" })).not.toHaveTextContent("Most popular");
  },
};

export const AnnualByDefault: Story = {
  args: { defaultBillingPeriod: "ANNUALLY" },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole("radio", { name: /Annually/ })).toBeChecked();
    await expect(canvas.getByRole("article", { name: "Basic" })).toHaveTextContent("billed annually ($96)");
  },
};

/** Pro is priced per seat: the stepper sets the quantity, and checkout charges for it. */
export const PerSeat: Story = {
  args: { highlightedPlanId: "plan-pro" },
  parameters: upgradeKit({ customers: [customerOn("plan-free", { trialedPlanIds: ["plan-pro"] })] }),
  play: async ({ canvas, userEvent, step }) => {
    const pro = await canvas.findByRole("article", { name: "Pro" });
    await expect(pro).toHaveTextContent("$12 per seat / month");

    await step("choose 3 seats", async () => {
      const more = canvas.getByRole("button", { name: "More seats" });
      await userEvent.click(more);
      await userEvent.click(more);
      await expect(canvas.getByRole("spinbutton", { name: "Number of seats" })).toHaveValue(3);
      await expect(pro).toHaveTextContent("$36 / month for 3 seats");
    });

    await step("upgrade: the checkout charges for 3 seats", async () => {
      await userEvent.click(canvas.getByRole("button", { name: "Upgrade: Pro" }));
      const note = await canvas.findByTestId("navigation");
      const checkoutUrl = /Navigated to (\S+)/.exec(note.textContent ?? "")?.[1];
      await expect(checkoutUrl).toMatch(/\/checkout\/cs_/);
      const checkoutPage = await (await fetch(checkoutUrl!)).text();
      await expect(checkoutPage).toContain("$36");
      await expect(checkoutPage).toContain("for 3 seats");
    });
  },
};

/**
 * Priced the ways Stigg prices plans: Team's flat fee plus seats add up, Business sells seats in
 * packs of five, Scale is priced by tiers only, onboarding is a one-off add-on; Region is an ENUM
 * feature and Free lists SSO as not included.
 */
export const StiggPricing: Story = {
  args: { highlightedPlanId: "plan-team" },
  parameters: upgradeKit({ plans: stiggPlans, customers: [customerOn("plan-free")] }),
  play: async ({ canvas, userEvent, step }) => {
    const team = await canvas.findByRole("article", { name: "Team" });
    await expect(team).toHaveTextContent("$20 + $8 per seat / month");
    await expect(team).toHaveTextContent("$28 / month for 1 seat");
    await expect(canvas.getByText("Onboarding: $100 one-time")).toBeVisible();
    await expect(canvas.getByText("Region: EU, US")).toBeVisible();

    const business = canvas.getByRole("article", { name: "Business" });
    await expect(business).toHaveTextContent("$40 per 5 seats / month");
    const scale = canvas.getByRole("article", { name: "Scale" });
    await expect(scale).toHaveTextContent("From $10 per seat / month");
    await expect(canvas.getByRole("button", { name: "Upgrade: Scale" })).toBeEnabled();

    const free = canvas.getByRole("article", { name: "Free" });
    await expect(canvas.getByText("Region: EU")).toBeVisible();
    const sso = canvas.getByText("SSO", { selector: "[data-included=false]", exact: false });
    await expect(sso).toBeVisible();
    await expect(sso).toHaveTextContent("Not included: SSO");
    await expect(free).toContainElement(sso);

    await step("6 seats on Business: two packs of five", async () => {
      await userEvent.click(canvas.getAllByRole("button", { name: "More seats" })[1]!);
      await expect(business).toHaveTextContent("$80 / month for 6 seats");
    });

    await step("annual: the year's fee and seats, per month", async () => {
      await userEvent.click(canvas.getByRole("radio", { name: /Annually/ }));
      await expect(team).toHaveTextContent("billed annually ($280)");
    });
  },
};

/** Pro has a 14-day trial the customer has not used: starting it needs no checkout. */
export const TrialAvailable: Story = {
  args: { highlightedPlanId: "plan-pro" },
  play: async ({ canvas, userEvent }) => {
    const pro = await canvas.findByRole("article", { name: "Pro" });
    await expect(pro).toHaveTextContent("14-day free trial");
    await userEvent.click(canvas.getByRole("button", { name: "Start free trial: Pro" }));
    await waitFor(() => expect(pro).toHaveAttribute("data-current", "true"));
    await expect(pro).toHaveTextContent("Current plan");
    await expect(canvas.queryByTestId("navigation")).toBeNull();
  },
};

/** On Basic, monthly: Basic is current; Free is a downgrade; annual Basic is a period switch. */
export const CurrentPlan: Story = {
  parameters: upgradeKit({ customers: [customerOn("plan-basic", { billingPeriod: "MONTHLY", hasPaymentMethod: true })] }),
  play: async ({ canvas, userEvent }) => {
    const basic = await canvas.findByRole("article", { name: "Basic" });
    await expect(basic).toHaveTextContent("Current plan");
    await expect(canvas.getByRole("button", { name: "Current plan: Basic" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Downgrade: Free" })).toBeEnabled();

    await userEvent.click(canvas.getByRole("radio", { name: /Annually/ }));
    await expect(canvas.getByRole("button", { name: "Switch to annual billing: Basic" })).toBeEnabled();
  },
};

/** Nobody signed in: every plan leads to sign-up, Enterprise to sales. No customer is fetched. */
export const SignedOutVisitor: Story = {
  args: { signUpUrl: "/signup" },
  parameters: upgradeKit({ customerId: null }),
  play: async ({ canvas }) => {
    const signUp = await canvas.findByRole("link", { name: "Sign up: Basic" });
    await expect(signUp).toHaveAttribute("href", "/signup");
    await expect(canvas.getByRole("link", { name: "Contact sales: Enterprise" })).toHaveAttribute("href", "mailto:sales@acme.example");
    await expect(canvas.queryByText("Current plan")).toBeNull();
  },
};

const brandTheme = {
  "--ruk-color-primary": "#0f766e",
  "--ruk-color-accent": "#9a3412",
  "--ruk-color-surface": "#fffbf5",
  "--ruk-color-border": "#d6cfc4",
  "--ruk-radius": "4px",
  "--ruk-radius-small": "2px",
  "--ruk-font": "Georgia, 'Times New Roman', serif",
} as CSSProperties;

/** The public `--ruk-*` custom properties, set on any ancestor. */
export const CustomTheme: Story = {
  args: { highlightedPlanId: "plan-pro" },
  decorators: [(Story) => <div style={brandTheme}>{Story()}</div>],
  play: async ({ canvas }) => {
    const button = await canvas.findByRole("button", { name: "Start free trial: Pro" });
    await expect(getComputedStyle(button).backgroundColor).toBe("rgb(15, 118, 110)");
    await expect(getComputedStyle(button).borderRadius).toBe("2px");
  },
};

/** `data-theme="dark"` on an ancestor (here the story wrapper, via the Theme toolbar global). */
export const DarkMode: Story = {
  args: { highlightedPlanId: "plan-pro" },
  globals: { theme: "dark" },
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Basic" });
    await expect(getComputedStyle(card).backgroundColor).toBe("rgb(19, 26, 46)");
  },
};

/** `textOverrides` in German, `locale="de-DE"`, and a catalog priced in euros. */
export const GermanTextsAndEuro: Story = {
  args: { textOverrides: germanTexts, locale: "de-DE", highlightedPlanId: "plan-pro" },
  parameters: upgradeKit({ plans: germanPlans, locale: "de-DE" }),
  play: async ({ canvas, userEvent }) => {
    const basis = await canvas.findByRole("article", { name: "Basis" });
    await expect(basis).toHaveTextContent("10 € / Monat");
    await expect(canvas.getByRole("button", { name: "Jetzt wechseln: Basis" })).toBeEnabled();
    await userEvent.click(canvas.getByRole("radio", { name: /Jährlich/ }));
    await expect(basis).toHaveTextContent("bei jährlicher Zahlung (96 €)");
  },
};

/** The plans request never answers. */
export const Loading: Story = {
  parameters: upgradeKit({ handlers: () => [http.get(storyApi("/plans"), () => delay("infinite"))] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole("status")).toHaveTextContent("Loading plans…");
    await expect(canvas.queryByRole("article")).toBeNull();
  },
};

/** The first plans request fails with a 500; "Try again" reaches the real backend. */
export const ErrorWithRetry: Story = {
  parameters: {
    ...upgradeKit({
      handlers: () => {
        let failures = 1;
        return [
          http.get(storyApi("/plans"), () =>
            failures-- > 0 ? HttpResponse.json({ error: { code: "INTERNAL_ERROR", message: "Plans are down." } }, { status: 500 }) : undefined,
          ),
        ];
      },
    }),
    consoleGuard: {
      expected: [
        { kind: "browser log", match: /status of 500 .*\/api\/upgrade\/plans\)$/, reason: "the story's forced 500; Chromium logs every failed response" },
      ],
    },
  },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Could not load plans");
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByRole("article", { name: "Basic" })).toBeVisible();
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

/**
 * Where the network drops at the click and the request fails: the backend provisions, its answer
 * is lost on the way back, and the two automatic retries fail too. The error shows with every
 * button enabled; once the network is back, the same click (no reload) sends the same
 * Idempotency-Key, the backend replays its first answer, and the checkout opens.
 */
const network = { online: true, keysReachingBackend: [] as (string | null)[] };
export const NetworkDropsAtTheClick: Story = {
  parameters: {
    ...upgradeKit({
      handlers: ({ backend }) => {
        network.online = true;
        network.keysReachingBackend = [];
        let answersLost = 0;
        return [
          http.post(storyApi("/provision-subscription"), async ({ request }) => {
            if (network.online) {
              network.keysReachingBackend.push(request.headers.get("idempotency-key"));
              return undefined;
            }
            // Offline: the first attempt reaches the backend and its answer is lost; the retries never get out.
            if (answersLost++ === 0) {
              network.keysReachingBackend.push(request.headers.get("idempotency-key"));
              await backend(request);
            }
            return HttpResponse.error();
          }),
        ];
      },
    }),
    consoleGuard: {
      expected: [
        {
          kind: "browser log",
          match: /^Failed to load resource: .*\/api\/upgrade\/provision-subscription\)?$/,
          reason: "the story cuts the network for the provision POST; Chromium logs each failed request",
        },
      ],
    },
  },
  play: async ({ canvas, userEvent }) => {
    network.online = false;
    await userEvent.click(await canvas.findByRole("button", { name: "Upgrade: Basic" }));
    const alert = await canvas.findByRole("alert", {}, { timeout: 5_000 });
    await expect(alert).toHaveTextContent("The upgrade could not be started. Check your connection and try again.");
    await expect(alert).toHaveAttribute("data-error-code", "NETWORK");
    await expect(canvas.getByRole("button", { name: "Upgrade: Basic" })).toBeEnabled();
    await expect(canvas.queryByTestId("navigation")).toBeNull();

    network.online = true;
    await userEvent.click(canvas.getByRole("button", { name: "Upgrade: Basic" }));
    await expect(await canvas.findByTestId("navigation")).toHaveTextContent(/Navigated to http:\/\/\S+\/api\/upgrade\/checkout\/cs_[0-9a-f]+/);
    await expect(network.keysReachingBackend).toHaveLength(2);
    await expect(network.keysReachingBackend[1]).toBe(network.keysReachingBackend[0]);
  },
};

/** The backend has no plans at all. */
export const Empty: Story = {
  parameters: upgradeKit({ plans: [], customers: [] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText("No plans available")).toBeVisible();
  },
};

/** Basic needs payment: the backend answers PAYMENT_REQUIRED and the paywall opens its checkout. */
export const PaymentRequiredRedirecting: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole("button", { name: "Upgrade: Basic" }));
    await expect(await canvas.findByTestId("navigation")).toHaveTextContent(/Navigated to http:\/\/\S+\/api\/upgrade\/checkout\/cs_[0-9a-f]+/);
    // Redirecting: every button waits; the clicked one spins, and a line under it says why (announced).
    const basic = canvas.getByRole("button", { name: "Upgrade: Basic" });
    await expect(basic).toBeDisabled();
    await expect(basic).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByRole("button", { name: "Start free trial: Pro" })).toBeDisabled();
    await expect(within(canvas.getByRole("article", { name: "Basic" })).getByRole("status")).toHaveTextContent("Opening checkout…");
  },
};

/** The card is declined: the alert shows under the button that was clicked, with the backend's words. */
export const DeclinedUnderTheCard: Story = {
  parameters: {
    ...upgradeKit({
      handlers: () => [
        http.post(storyApi("/provision-subscription"), () =>
          HttpResponse.json({ error: { code: "CARD_DECLINED", message: "Your card was declined." } }, { status: 402 }),
        ),
      ],
    }),
    consoleGuard: {
      expected: [
        { kind: "browser log", match: /status of 402 .*\/api\/upgrade\/provision-subscription\)$/, reason: "the story's declined card; Chromium logs every failed response" },
      ],
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole("button", { name: "Upgrade: Basic" }));
    const basic = canvas.getByRole("article", { name: "Basic" });
    const alert = await within(basic).findByRole("alert");
    await expect(alert).toHaveTextContent("The upgrade could not be started: Your card was declined.");
    await expect(canvas.getByRole("button", { name: "Upgrade: Basic" })).toBeEnabled();
  },
};

/** A card on file: one more seat on Pro is made at once, and the paywall says so. */
export const SeatsUpdatedInPlace: Story = {
  parameters: upgradeKit({ customers: [customerOn("plan-pro", { billingPeriod: "MONTHLY", unitQuantity: 2, hasPaymentMethod: true })] }),
  play: async ({ canvas, userEvent }) => {
    const pro = await canvas.findByRole("article", { name: "Pro" });
    await userEvent.click(within(pro).getByRole("button", { name: "More seats" }));
    await userEvent.click(canvas.getByRole("button", { name: "Update seats: Pro" }));
    await expect(await canvas.findByText("Done: you're on Pro.")).toHaveAttribute("role", "status");
    await expect(canvas.queryByTestId("navigation")).toBeNull();
  },
};
