/**
 * The client fault matrix, as the user meets it: <Paywall> (and the hooks under it) over the real
 * handler, with one fault injected at a time. Each case says what the user sees (the error with a
 * working "Try again", or the plans once the fault passes), what the hooks return (a typed
 * UpgradeError with code and status), and how often the library asked (its bounded retries).
 * The app's QueryClient sets no retry default, so the library's own policy is what runs.
 * Any console error or unhandled rejection fails the case (faultGuard).
 */
import { QueryClient } from "@tanstack/react-query";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Paywall, UpgradeError, useCustomer, usePlans, type UseCustomerResult, type UsePlansResult } from "../../src/index.js";
import { demoPlans } from "../../demo/catalog.js";
import { renderWithProvider } from "../support/render.js";
import { IDENTITY_HEADER } from "../support/upgradeServer.js";
import { guardAgainstEscapedFaults } from "./support/faultGuard.js";
import { fault, useFaultServer, type FaultStep } from "./support/faultServer.js";

guardAgainstEscapedFaults();
const { script } = useFaultServer();
// Retried cases take seconds of real waiting (0.5 s + 1 s); a loaded CI machine needs headroom.
vi.setConfig({ testTimeout: 20_000 });

const SLOW = { timeout: 6_000 };
const FIVE_MB = 5 * 1024 * 1024;

let plansHook: UsePlansResult | undefined;
let customerHook: UseCustomerResult | undefined;
/** Reads the hooks next to the Paywall, as an app's own component would. */
function HookProbe() {
  plansHook = usePlans();
  customerHook = useCustomer();
  return <output>{`plans: ${plansHook.status}/${plansHook.fetchStatus}`}</output>;
}

function PaywallWithProbe() {
  return (
    <>
      <Paywall />
      <HookProbe />
    </>
  );
}

/** The app shows the paywall later (a dialog, a route): the provider and its client are mounted before. */
function OpenLater() {
  const [open, setOpen] = useState(false);
  return open ? <PaywallWithProbe /> : <button type="button" onClick={() => setOpen(true)}>Open paywall</button>;
}

/** An app QueryClient without a retry default: the library's retry policy applies. */
function renderPaywall(props: Parameters<typeof renderWithProvider>[1] = {}, ui: ReactNode = <PaywallWithProbe />) {
  plansHook = customerHook = undefined;
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  return renderWithProvider(ui, { queryClient, timeoutMs: 300, ...props });
}

const repeat = (times: number, step: FaultStep) => Array.from({ length: times }, () => step);

describe("a fault on GET /plans: the user sees the error and a Try again that works", () => {
  it.each([
    ["a 500 with an error body", repeat(3, fault.status(500)), { code: "HTTP", status: 500, serverCode: "INTERNAL_ERROR" }],
    ["a 502 with an HTML page", repeat(3, fault.text(502, "<html><h1>502 Bad Gateway</h1></html>", "text/html")), { code: "HTTP", status: 502 }],
    ["a 401", [fault.json(401, { error: { code: "UNAUTHENTICATED", message: "Sign in" } })], { code: "HTTP", status: 401, serverCode: "UNAUTHENTICATED" }],
    ["a 429 asking to wait an hour", [fault.status(429, { "Retry-After": "3600" })], { code: "HTTP", status: 429, retryAfterMs: 3_600_000 }],
    ["a timeout", repeat(3, fault.slow(2_000, fault.pass())), { code: "TIMEOUT" }],
    ["a connection reset", repeat(3, fault.networkError()), { code: "NETWORK" }],
    ["invalid JSON", [fault.text(200, '{"plans": [')], { code: "INVALID_RESPONSE", status: 200 }],
    ["JSON that breaks the schema", [fault.json(200, { plans: [{ id: 1, displayName: null }] })], { code: "INVALID_RESPONSE", status: 200 }],
    ["an empty body", [fault.text(200, "")], { code: "INVALID_RESPONSE", status: 200 }],
    ["a 5 MB body that is not JSON", [fault.text(200, "x".repeat(FIVE_MB))], { code: "INVALID_RESPONSE", status: 200 }],
  ] as const)("%s", async (_name, steps, expected) => {
    const calls = script("get", "/plans", [...steps]);
    const user = userEvent.setup();
    renderPaywall();

    if (steps.length > 1) {
      // While the library retries, the user sees the loading state, not an error.
      await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(1));
      expect(screen.getByText("Loading plans…")).toBeTruthy();
      expect(screen.queryByRole("alert")).toBeNull();
    }

    const alert = await screen.findByRole("alert", {}, SLOW);
    expect(alert.textContent).toContain("Could not load plans");
    expect(calls).toHaveLength(steps.length);
    expect(plansHook?.error).toBeInstanceOf(UpgradeError);
    expect(plansHook?.error).toMatchObject(expected);
    expect(plansHook?.error?.message.length).toBeLessThan(300);
    expect(plansHook).toMatchObject({ status: "error", fetchStatus: "idle", data: undefined });
    expect(customerHook?.status).toBe("success");

    // The fault passes; Try again reaches the real handler and the plans show.
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "Basic" }, SLOW)).toBeTruthy();
    expect(calls).toHaveLength(steps.length + 1);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(plansHook).toMatchObject({ status: "success", error: null });
  });

  it("a 429 with Retry-After: 1 is retried after one second, and the user only ever sees loading, then the plans", async () => {
    const calls = script("get", "/plans", [fault.status(429, { "Retry-After": "1" })]);
    renderPaywall();
    expect(await screen.findByRole("article", { name: "Basic" }, SLOW)).toBeTruthy();
    expect(calls).toHaveLength(2);
    // The real handler answered the second call; it came after the server's second, not after 0.5 s.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a 5 MB body of valid JSON shows the plans (unknown fields are dropped)", async () => {
    script("get", "/plans", [fault.json(200, { plans: demoPlans, padding: "p".repeat(FIVE_MB) })]);
    renderPaywall();
    expect(await screen.findByRole("article", { name: "Basic" }, SLOW)).toBeTruthy();
  });

  it("a 401 from the real handler (signed out) is not retried; after signing in, Try again works", async () => {
    let signedIn = false;
    const calls = script("get", "/customer", []);
    const user = userEvent.setup();
    // The customer query's fetches and failures as react-query saw them: should a second request
    // ever show up, the message says whether it was a retry ("failed") or a new fetch after the error.
    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
    const customerTrail: string[] = [];
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.query.queryKey.includes("customer")) customerTrail.push(event.action.type);
    });
    // Only the 401 may fail here: with the matrix's 300 ms timeout the count would depend on the
    // machine's speed (a TIMEOUT is retried, rightly: a second request and failureCount 2).
    renderPaywall({
      queryClient,
      timeoutMs: 10_000,
      getHeaders: (): Record<string, string> => (signedIn ? { [IDENTITY_HEADER]: "customer-1" } : {}),
    });
    expect((await screen.findByRole("alert", {}, SLOW)).textContent).toContain("Could not load plans");
    expect(customerHook?.error).toMatchObject({ code: "HTTP", status: 401, serverCode: "UNAUTHENTICATED" });
    // Not retried: one request, one failure.
    expect(calls, `customer query: ${customerTrail.join(", ")}`).toHaveLength(1);
    expect(customerHook?.failureCount).toBe(1);
    signedIn = true;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "Basic" }, SLOW)).toBeTruthy();
    expect(customerHook?.data?.id).toBe("customer-1");
    expect(calls, `customer query: ${customerTrail.join(", ")}`).toHaveLength(2);
  });
});

describe("offline, then online", () => {
  const goOffline = () => window.dispatchEvent(new Event("offline"));
  const goOnline = () => window.dispatchEvent(new Event("online"));
  afterEach(goOnline);

  it("a paywall opened while offline requests nothing, shows loading (no error), and shows the plans when the network returns", async () => {
    const calls = script("get", "/plans", []);
    const user = userEvent.setup();
    renderPaywall({}, <OpenLater />);
    goOffline();
    await user.click(screen.getByRole("button", { name: "Open paywall" }));
    await waitFor(() => expect(plansHook?.fetchStatus).toBe("paused"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toHaveLength(0);
    expect(screen.getByText("Loading plans…")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();

    goOnline();
    expect(await screen.findByRole("article", { name: "Basic" }, SLOW)).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it("the connection drops after a failed request: the retry waits for the network instead of failing", async () => {
    const calls = script("get", "/plans", [fault.networkError()]);
    renderPaywall();
    await waitFor(() => expect(calls).toHaveLength(1));
    goOffline();
    // Past both retry waits: still one request, still loading, no error.
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    expect(calls).toHaveLength(1);
    expect(plansHook?.fetchStatus).toBe("paused");
    expect(screen.queryByRole("alert")).toBeNull();

    goOnline();
    expect(await screen.findByRole("article", { name: "Basic" }, SLOW)).toBeTruthy();
    expect(calls).toHaveLength(2);
  });

  it("offline at page load (the library cannot know): the error with Try again; back online, the plans come without a click", async () => {
    const calls = script("get", "/plans", repeat(3, fault.networkError()));
    renderPaywall();
    expect((await screen.findByRole("alert", {}, SLOW)).textContent).toContain("Could not load plans");
    expect(calls).toHaveLength(3);
    goOffline();
    goOnline();
    expect(await screen.findByRole("article", { name: "Basic" }, SLOW)).toBeTruthy();
    expect(calls).toHaveLength(4);
  });
});

describe("a slow answer that arrives after the page moved on", () => {
  it("a read in flight is cancelled on unmount; its late answer reaches nobody and nothing is reported", async () => {
    const calls = script("get", "/plans", [fault.slow(400, fault.pass())]);
    const { unmount } = renderPaywall({ timeoutMs: 5_000 });
    await waitFor(() => expect(calls).toHaveLength(1));
    unmount();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("a provision in flight still completes after unmount (the user asked for it): one POST, one checkout, no error", async () => {
    const calls = script("post", "/provision-subscription", [fault.slow(400, fault.pass())]);
    const user = userEvent.setup();
    const { unmount, navigations } = renderPaywall({ timeoutMs: 5_000 });
    await user.click(await screen.findByRole("button", { name: "Upgrade: Basic" }, SLOW));
    await waitFor(() => expect(calls).toHaveLength(1));
    unmount();
    await waitFor(() => expect(navigations).toHaveLength(1), SLOW);
    expect(navigations[0]).toContain("/api/upgrade/checkout/");
    expect(calls).toHaveLength(1);
  });
});
