import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { FeatureGate } from "../src/index.js";
import { customerOn } from "./support/customers.js";
import { upgradeKit } from "./support/storyBackend.js";

const meta = {
  title: "Components/FeatureGate",
  component: FeatureGate,
  tags: ["autodocs"],
  args: { featureId: "projects", fallback: "prompt", children: <button type="button">New project</button> },
  parameters: {
    layout: "padded",
    docs: {
      description: {
        component:
          "Shows its children when the customer's plan allows the feature; otherwise a fallback, or with " +
          '`fallback="prompt"` a notice whose button opens the paywall with only the plans that grant it. ' +
          "After an upgrade the children appear without a reload.",
      },
    },
  },
} satisfies Meta<typeof FeatureGate>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The demo customer uses 3 of the 3 projects Free allows: one more needs an upgrade. */
export const UsageLimitReached: Story = {
  play: async ({ canvas, userEvent }) => {
    const notice = await canvas.findByRole("group", { name: "Projects" });
    await expect(notice).toHaveTextContent("3 of 3 Projects used.");
    await userEvent.click(await within(notice).findByRole("button", { name: "Unlock Projects with Basic" }));
    const dialog = await within(document.body).findByRole("dialog", { name: "Upgrade your plan" });
    const cards = await within(dialog).findAllByRole("article");
    await expect(cards.map((card) => card.getAttribute("data-plan-id"))).toEqual(["plan-basic", "plan-pro", "plan-enterprise"]);
    // Pro starts a trial at once: the gate opens in place.
    await userEvent.click(within(dialog).getByRole("button", { name: "Start free trial: Pro" }));
    await expect(await canvas.findByRole("button", { name: "New project" })).toBeVisible();
  },
};

/** A boolean feature the plan lacks, with a custom fallback instead of the prompt. */
export const LockedWithFallback: Story = {
  args: { featureId: "sso", fallback: <p>Single sign-on comes with Pro.</p>, children: <p>SSO settings</p> },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText("Single sign-on comes with Pro.")).toBeVisible();
    await expect(canvas.queryByText("SSO settings")).toBeNull();
  },
};

/** On Pro, projects are unlimited: the children show. */
export const Unlocked: Story = {
  parameters: upgradeKit({ customers: [customerOn("plan-pro")] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole("button", { name: "New project" })).toBeVisible();
  },
};
