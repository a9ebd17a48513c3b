import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http, HttpResponse } from "msw";
import { forwardRef, useState, type ButtonHTMLAttributes, type ComponentProps } from "react";
import { expect, fn, waitFor } from "storybook/test";
import { UpgradeButton, type Subscription, type UpgradeError } from "../src/index.js";
import { storyApi, upgradeKit } from "./support/storyBackend.js";

/** Renders the button and, under it, what its callbacks reported (besides the Actions panel). */
function UpgradeButtonWithOutcome({ onSuccess, onError, ...props }: ComponentProps<typeof UpgradeButton>) {
  const [outcome, setOutcome] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  return (
    <div style={{ display: "grid", gap: 12, justifyItems: "start" }}>
      <UpgradeButton
        {...props}
        onSuccess={(subscription: Subscription) => {
          onSuccess?.(subscription);
          setOutcome({ kind: "success", text: `Subscribed to ${subscription.planId} (${subscription.status})` });
        }}
        onError={(error: UpgradeError) => {
          onError?.(error);
          setOutcome({ kind: "error", text: `${error.code}: ${error.message}` });
        }}
      />
      {outcome && <p role={outcome.kind === "error" ? "alert" : "status"}>{outcome.text}</p>}
    </div>
  );
}

const meta = {
  title: "Components/UpgradeButton",
  component: UpgradeButton,
  tags: ["autodocs"],
  render: (args) => <UpgradeButtonWithOutcome {...args} />,
  args: { planId: "plan-basic", billingPeriod: "MONTHLY", children: "Upgrade to Basic", onSuccess: fn(), onError: fn() },
  parameters: {
    layout: "padded",
    docs: {
      description: {
        component:
          "Provisions one plan and follows the checkout. With `asChild` it lends that behaviour (click, `disabled`, " +
          "`aria-busy`, `data-state`) to the app's own button instead of rendering a `<button>`.",
      },
    },
  },
} satisfies Meta<typeof UpgradeButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The customer is already on Free: the button says so (`data-state="current"`) and is disabled, as
 * the Paywall's card for the current plan is. `disabled={false}` would enable it anyway.
 */
export const CurrentPurchase: Story = {
  args: { planId: "plan-free", billingPeriod: undefined, children: "Free" },
  play: async ({ canvas }) => {
    const button = await canvas.findByRole("button", { name: "Free" });
    await waitFor(() => expect(button).toHaveAttribute("data-state", "current"));
    await expect(button).toBeDisabled();
  },
};

/** Basic needs payment: a click opens the checkout (captured here, shown below the story). */
export const Plain: Story = {
  play: async ({ canvas, userEvent }) => {
    const button = await canvas.findByRole("button", { name: "Upgrade to Basic" });
    await expect(button).toHaveAttribute("data-state", "idle");
    await userEvent.click(button);
    await expect(await canvas.findByTestId("navigation")).toHaveTextContent(/\/api\/upgrade\/checkout\/cs_[0-9a-f]+/);
    await expect(button).toHaveAttribute("data-state", "redirecting");
    await expect(button).toBeDisabled();
  },
};

/** The app's own button component, as a design system would have it. */
const FancyButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function FancyButton(props, ref) {
  return (
    <button
      ref={ref}
      type="button"
      className="fancy-button"
      style={{ padding: "12px 20px", borderRadius: 999, border: 0, background: "#7c2d12", color: "#ffffff", font: "600 16px system-ui" }}
      {...props}
    />
  );
});

/** `asChild`: no wrapper element; the app's button provisions Pro (a 14-day trial, no checkout). */
export const AsChildWithCustomButton: Story = {
  args: { asChild: true, planId: "plan-pro", unitQuantity: 2, children: <FancyButton>Try Pro for your team</FancyButton> },
  play: async ({ canvas, userEvent, args }) => {
    const button = await canvas.findByRole("button", { name: "Try Pro for your team" });
    await expect(button).toHaveClass("fancy-button");
    await expect(canvas.getAllByRole("button")).toHaveLength(1);

    await userEvent.click(button);
    await expect(await canvas.findByRole("status")).toHaveTextContent("Subscribed to plan-pro (IN_TRIAL)");
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ planId: "plan-pro", status: "IN_TRIAL", unitQuantity: 2 }));
    await expect(button).toHaveAttribute("data-state", "success");
  },
};

/** The provision request never answers: the button is busy and cannot be clicked again. */
export const Pending: Story = {
  parameters: upgradeKit({ handlers: () => [http.post(storyApi("/provision-subscription"), () => delay("infinite"))] }),
  play: async ({ canvas, userEvent }) => {
    const button = await canvas.findByRole("button", { name: "Upgrade to Basic" });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-busy", "true"));
    await expect(button).toHaveAttribute("data-state", "pending");
    await expect(button).toBeDisabled();
  },
};

/** The backend refuses (a 500): `onError` gets an UpgradeError and the button can be tried again. */
// Not `export const Error`: that would shadow the global Error in this module.
export const ErrorState: Story = {
  name: "Error",
  parameters: {
    ...upgradeKit({
      handlers: () => [
        http.post(storyApi("/provision-subscription"), () =>
          HttpResponse.json({ error: { code: "INTERNAL_ERROR", message: "Billing is unavailable." } }, { status: 500 }),
        ),
      ],
    }),
    consoleGuard: {
      expected: [
        {
          kind: "browser log",
          match: /status of 500 .*\/api\/upgrade\/provision-subscription\)$/,
          reason: "the story's forced 500s (the first try and two retries); Chromium logs every failed response",
        },
      ],
    },
  },
  play: async ({ canvas, userEvent, args }) => {
    const button = await canvas.findByRole("button", { name: "Upgrade to Basic" });
    await userEvent.click(button);
    // A 5xx is retried twice (same Idempotency-Key) before the error shows.
    await expect(await canvas.findByRole("alert", {}, { timeout: 10_000 })).toHaveTextContent("HTTP");
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: "HTTP", status: 500 }));
    await expect(button).toHaveAttribute("data-state", "error");
    await expect(button).toBeEnabled();
  },
};
