import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { forwardRef, useRef, type ButtonHTMLAttributes } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { UpgradeButton } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, ENDPOINT, serveDuringTests } from "../support/upgradeServer.js";

const upgradeServer = createTestUpgradeServer();
const { server } = upgradeServer;
serveDuringTests(upgradeServer);
beforeEach(() => window.history.replaceState(null, "", "/app"));

/** An app's own design-system button that forwards its ref, as most do. */
const FancyButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function FancyButton(
  { className, ...props },
  ref,
) {
  return <button type="button" ref={ref} className={`fancy ${className ?? ""}`} {...props} />;
});

describe("<UpgradeButton>", () => {
  it("provisions its plan on click, shows it is busy, and follows the checkout", async () => {
    let body: unknown;
    server.use(
      http.post(`${ENDPOINT}/provision-subscription`, async ({ request }) => {
        body = await request.json();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return HttpResponse.json({ status: "PAYMENT_REQUIRED", checkoutUrl: "https://checkout.stripe.com/c/pay/cs_1" });
      }),
    );
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(
      <UpgradeButton planId="plan-basic" billingPeriod="ANNUALLY">
        Go annual
      </UpgradeButton>,
    );
    const button = screen.getByRole("button", { name: "Go annual" });
    expect(button.getAttribute("data-state")).toBe("idle");
    await user.click(button);
    expect(button.getAttribute("data-state")).toBe("pending");
    expect(button.getAttribute("aria-busy")).toBe("true");
    expect(button).toHaveProperty("disabled", true);
    await waitFor(() => expect(button.getAttribute("data-state")).toBe("redirecting"));
    expect(navigations).toEqual(["https://checkout.stripe.com/c/pay/cs_1"]);
    expect(body).toMatchObject({ planId: "plan-basic", billingPeriod: "ANNUALLY" });
  });

  it("asChild lends the behaviour to the app's component, keeps its ref and classes", async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    let node: HTMLButtonElement | null = null;
    function App() {
      const ref = useRef<HTMLButtonElement>(null);
      return (
        <UpgradeButton asChild planId="plan-free" onSuccess={onSuccess} className="from-upgrade">
          <FancyButton
            ref={(element) => {
              ref.current = element;
              node = element;
            }}
          >
            Get started
          </FancyButton>
        </UpgradeButton>
      );
    }
    renderWithProvider(<App />);
    const button = screen.getByRole("button", { name: "Get started" });
    expect(node).toBe(button);
    expect(button.className).toContain("fancy");
    expect(button.className).toContain("from-upgrade");
    await user.click(button);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ planId: "plan-free", status: "ACTIVE" })));
    expect(button.getAttribute("data-state")).toBe("success");
  });

  it("the child's own onClick runs first and can cancel with preventDefault", async () => {
    const user = userEvent.setup();
    const order: string[] = [];
    renderWithProvider(
      <UpgradeButton asChild planId="plan-free">
        <FancyButton
          onClick={(event) => {
            order.push("child");
            if (!window.confirm("Sure?")) event.preventDefault();
          }}
        >
          Maybe
        </FancyButton>
      </UpgradeButton>,
    );
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole("button", { name: "Maybe" }));
    expect(upgradeServer.posts()).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Maybe" }));
    await waitFor(() => expect(upgradeServer.posts()).toHaveLength(1));
    expect(order).toEqual(["child", "child"]);
    confirm.mockRestore();
  });

  it("asChild keeps the app's own disabled: a disabled child stays disabled and provisions nothing", async () => {
    const user = userEvent.setup();
    renderWithProvider(
      <UpgradeButton asChild planId="plan-free">
        <FancyButton disabled>Not yet</FancyButton>
      </UpgradeButton>,
    );
    const button = screen.getByRole("button", { name: "Not yet" });
    expect(button).toHaveProperty("disabled", true);
    await user.click(button);
    expect(upgradeServer.posts()).toHaveLength(0);
  });

  it("shows the error state and calls onError with a typed error", async () => {
    const user = userEvent.setup();
    const onError = vi.fn();
    renderWithProvider(
      <UpgradeButton planId="plan-enterprise" onError={onError}>
        Enterprise
      </UpgradeButton>,
    );
    await user.click(screen.getByRole("button", { name: "Enterprise" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Enterprise" }).getAttribute("data-state")).toBe("error"));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: "UpgradeError", code: "HTTP", serverCode: "PLAN_NOT_PROVISIONABLE" }));
    expect(screen.getByRole("button", { name: "Enterprise" })).toHaveProperty("disabled", false);
  });
});
