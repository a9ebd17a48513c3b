import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import {
  useCustomer,
  usePlans,
  useProvisionSubscription,
  type UseProvisionSubscriptionOptions,
} from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, ENDPOINT, ORIGIN, serveDuringTests } from "../support/upgradeServer.js";

const upgradeServer = createTestUpgradeServer();
const { server } = upgradeServer;
serveDuringTests(upgradeServer);
beforeEach(() => window.history.replaceState(null, "", "/billing"));

/** A tiny app page: the plan list from usePlans, the customer's plan, and a button per plan. */
function PlanPicker(props: { provisionOptions?: UseProvisionSubscriptionOptions }) {
  const plans = usePlans();
  const customer = useCustomer();
  const provision = useProvisionSubscription(props.provisionOptions);
  const live = customer.data?.subscriptions.find((s) => s.status === "ACTIVE" || s.status === "IN_TRIAL");
  return (
    <main>
      <p>Status: {provision.status}</p>
      {provision.error && <p role="alert">{`${provision.error.code}: ${provision.error.message}`}</p>}
      {plans.error && <p role="alert">{`Plans failed: ${plans.error.code}`}</p>}
      <p>Current plan: {customer.isPending ? "…" : (live?.planId ?? "none")}</p>
      <ul aria-label="Plans">
        {plans.data?.map((plan) => (
          <li key={plan.id}>
            {plan.displayName}
            <button
              type="button"
              onClick={() => {
                void provision.provisionSubscription({ planId: plan.id, billingPeriod: plan.pricingType === "PAID" ? "MONTHLY" : undefined });
              }}
            >
              Choose {plan.displayName}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

describe("the upgrade flow end to end (hooks → real handler → memory backend)", () => {
  it("a paid plan goes to checkout with an Idempotency-Key, and after paying the customer shows the plan", async () => {
    const user = userEvent.setup();
    const { navigations, unmount } = renderWithProvider(<PlanPicker />);
    await screen.findByText("Current plan: none");

    await user.click(await screen.findByRole("button", { name: "Choose Basic" }));
    await screen.findByText("Status: redirecting");

    const [post] = upgradeServer.posts();
    expect(post?.headers.get("idempotency-key")).toMatch(/\S{16,}/);
    expect(post?.body).toMatchObject({
      customerId: "customer-1",
      planId: "plan-basic",
      billingPeriod: "MONTHLY",
      checkoutOptions: {
        successUrl: `${ORIGIN}/billing?ruk_checkout=success`,
        cancelUrl: `${ORIGIN}/billing?ruk_checkout=canceled`,
      },
    });
    expect(navigations).toHaveLength(1);
    const checkoutUrl = navigations[0]!;
    expect(checkoutUrl.startsWith(`${ENDPOINT}/checkout/`)).toBe(true);

    // The user is on the backend's checkout page: it names the plan and the amount, and Pay is a form.
    const page = await fetch(checkoutUrl).then((response) => response.text());
    expect(page).toContain("Basic");
    expect(page).toContain("$10");
    const payAction = /<form[^>]*action="([^"]*\/pay)"/.exec(page)?.[1];
    expect(payAction).toBeDefined();
    const paid = await fetch(new URL(payAction!.replaceAll("&amp;", "&"), checkoutUrl), { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`${ORIGIN}/billing?ruk_checkout=success`);

    // The browser follows the redirect back: a fresh page load of the app.
    unmount();
    window.history.replaceState(null, "", "/billing?ruk_checkout=success");
    renderWithProvider(<PlanPicker />);
    await screen.findByText("Current plan: plan-basic");
  });

  it("a free plan is provisioned at once and the customer refreshes without a page load", async () => {
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(<PlanPicker />);
    await screen.findByText("Current plan: none");
    await user.click(await screen.findByRole("button", { name: "Choose Free" }));
    await screen.findByText("Current plan: plan-free");
    expect(screen.getByText("Status: success")).toBeTruthy();
    expect(navigations).toEqual([]);
  });

  it("ten rapid clicks make exactly one POST and one navigation", async () => {
    const { navigations } = renderWithProvider(<PlanPicker />);
    const basic = await screen.findByRole("button", { name: "Choose Basic" });
    for (let i = 0; i < 10; i += 1) basic.click();
    await screen.findByText("Status: redirecting");
    expect(upgradeServer.posts()).toHaveLength(1);
    expect(navigations).toHaveLength(1);
  });

  it.each([
    ["javascript:alert(1)"],
    ["https://checkout.stripe.com.evil.example/x"],
    ["//evil.example"],
    ["https://user:pw@checkout.stripe.com/"],
  ])("refuses to navigate to the checkout URL %s", async (checkoutUrl) => {
    server.use(
      http.post(`${ENDPOINT}/provision-subscription`, () => HttpResponse.json({ status: "PAYMENT_REQUIRED", checkoutUrl })),
    );
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(<PlanPicker />);
    await user.click(await screen.findByRole("button", { name: "Choose Basic" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/^CHECKOUT_URL_REJECTED: /);
    expect(screen.getByText("Status: error")).toBeTruthy();
    expect(navigations).toEqual([]);
  });

  it("allowedCheckoutHosts and navigate are the provider's latest props when the answer arrives", async () => {
    server.use(
      http.post(`${ENDPOINT}/provision-subscription`, () =>
        HttpResponse.json({ status: "PAYMENT_REQUIRED", checkoutUrl: "https://pay.example.com/session/1" }),
      ),
    );
    const user = userEvent.setup();
    const first: string[] = [];
    const { rerenderWithProvider } = renderWithProvider(<PlanPicker />, { navigate: (url) => first.push(url) });
    await user.click(await screen.findByRole("button", { name: "Choose Basic" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/^CHECKOUT_URL_REJECTED: .*pay\.example\.com is not an allowed host/);

    // The app allows its payment host and routes navigation itself, inline, on a later render.
    const later: string[] = [];
    rerenderWithProvider(<PlanPicker />, { allowedCheckoutHosts: ["pay.example.com"], navigate: (url) => later.push(url) });
    await user.click(await screen.findByRole("button", { name: "Choose Basic" }));
    await screen.findByText("Status: redirecting");
    expect(later).toEqual(["https://pay.example.com/session/1"]);
    expect(first).toEqual([]);
  });

  it("redirect: false hands the checkout answer to the caller instead of navigating", async () => {
    const user = userEvent.setup();
    const { navigations } = renderWithProvider(<PlanPicker provisionOptions={{ redirect: false }} />);
    await user.click(await screen.findByRole("button", { name: "Choose Basic" }));
    await screen.findByText("Status: success");
    expect(navigations).toEqual([]);
  });

  it("onPaymentRequired takes over the checkout", async () => {
    const user = userEvent.setup();
    const taken: string[] = [];
    const { navigations } = renderWithProvider(
      <PlanPicker provisionOptions={{ onPaymentRequired: (result) => taken.push(result.checkoutUrl) }} />,
    );
    await user.click(await screen.findByRole("button", { name: "Choose Basic" }));
    await waitFor(() => expect(taken).toHaveLength(1));
    expect(taken[0]).toContain("/checkout/");
    expect(navigations).toEqual([]);
  });

  it("a visitor without customerId gets customer null and a typed error when provisioning", async () => {
    const user = userEvent.setup();
    renderWithProvider(<PlanPicker />, { customerId: null });
    await screen.findByText("Current plan: none");
    expect(upgradeServer.requests.filter((request) => request.path === "/customer")).toEqual([]);
    await user.click(await screen.findByRole("button", { name: "Choose Basic" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/^INVALID_ARGUMENT: /);
    expect(upgradeServer.posts()).toEqual([]);
  });

  it("a backend refusal reaches the hook as an HTTP error with the server's code", async () => {
    const user = userEvent.setup();
    renderWithProvider(<PlanPicker />);
    await user.click(await screen.findByRole("button", { name: "Choose Enterprise" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^HTTP: /);
    expect(within(screen.getByRole("list", { name: "Plans" })).getAllByRole("button")).toHaveLength(4);
  });
});
