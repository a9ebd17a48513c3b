import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, within } from "storybook/test";
import { PaywallDialog } from "../src/index.js";

const meta = {
  title: "Components/PaywallDialog",
  component: PaywallDialog,
  tags: ["autodocs"],
  args: { open: false, onOpenChange: () => undefined },
  render: function Render(args) {
    const [open, setOpen] = useState(args.open);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          See plans
        </button>
        <PaywallDialog {...args} open={open} onOpenChange={setOpen} />
      </>
    );
  },
  parameters: {
    layout: "padded",
    docs: {
      description: {
        component:
          "The Paywall in an accessible modal dialog (native `<dialog>`: labelled, Esc, a close button or a click " +
          "on the dimmed page closes it, focus returned; it follows the paywall's light or dark theme). With `feature`, only the plans that grant it are shown; a plan is badged only when the app (`highlightedPlanId`) or the plan's `metadata.highlighted` says so.",
      },
    },
  },
} satisfies Meta<typeof PaywallDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    const opener = await canvas.findByRole("button", { name: "See plans" });
    await userEvent.click(opener);
    const dialog = await within(document.body).findByRole("dialog", { name: "Upgrade your plan" });
    await expect(await within(dialog).findAllByRole("article")).toHaveLength(4);
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await expect(within(document.body).queryByRole("dialog")).toBeNull();
    await expect(opener).toHaveFocus();
  },
};

/** Only the plans with single sign-on; Pro highlighted because the app says so (`highlightedPlanId`). */
export const ForAFeature: Story = {
  args: { feature: { featureId: "sso" }, highlightedPlanId: "plan-pro" },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole("button", { name: "See plans" }));
    const dialog = await within(document.body).findByRole("dialog", { name: "Upgrade your plan" });
    const cards = await within(dialog).findAllByRole("article");
    await expect(cards.map((card) => card.getAttribute("data-plan-id"))).toEqual(["plan-pro", "plan-enterprise"]);
    await expect(within(dialog).getByRole("article", { name: "Pro" })).toHaveAttribute("data-highlighted", "true");
  },
};

/**
 * Dark (`data-theme="dark"` on the story wrapper): the dialog takes the theme of the paywall it holds,
 * its surface bordered against the dimmed page; a click on the dimmed page closes it.
 */
export const DarkMode: Story = {
  globals: { theme: "dark" },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole("button", { name: "See plans" }));
    const dialog = await within(document.body).findByRole("dialog", { name: "Upgrade your plan" });
    await within(dialog).findAllByRole("article");
    await expect(getComputedStyle(dialog).backgroundColor).toBe("rgb(11, 16, 32)");
    await expect(getComputedStyle(within(dialog).getByRole("heading", { name: "Upgrade your plan" })).color).toBe("rgb(243, 244, 246)");
    // The a11y addon's axe check (colour contrast included) runs on the open dialog after this.
  },
};
