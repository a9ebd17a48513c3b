/**
 * Faults on the provision POST, through a click on the Paywall: the library retries by itself only
 * where the request may simply have been lost (a network error, a 5xx), at most twice, always with
 * the same Idempotency-Key; everything else is shown at once. The user sees an alert and buttons
 * that work again; the user's own retry reuses the key while the backend may have acted.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Paywall } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { guardAgainstEscapedFaults } from "./support/faultGuard.js";
import { fault, useFaultServer, type FaultStep } from "./support/faultServer.js";

guardAgainstEscapedFaults();
const { script, backend } = useFaultServer();
vi.setConfig({ testTimeout: 20_000 });

const SLOW = { timeout: 6_000 };
const repeat = (times: number, step: FaultStep) => Array.from({ length: times }, () => step);
const planButtons = () => within(screen.getByRole("list", { name: "Plans" })).getAllByRole("button", { name: /: / });

async function clickUpgradeBasic(timeoutMs = 2_000) {
  const user = userEvent.setup();
  const rendered = renderWithProvider(<Paywall />, { timeoutMs });
  await user.click(await screen.findByRole("button", { name: "Upgrade: Basic" }, SLOW));
  return { ...rendered, user };
}

describe("provision faults, through a Paywall click", () => {
  it("a 503 and a connection reset are retried with the same key; the user only sees the checkout open", async () => {
    const calls = script("post", "/provision-subscription", [fault.status(503), fault.networkError()]);
    const { navigations } = await clickUpgradeBasic();
    // While the library retries, every plan button waits and nothing alarming is shown.
    await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(1));
    expect(planButtons().every((button) => button.hasAttribute("disabled"))).toBe(true);
    expect(screen.queryByRole("alert")).toBeNull();

    await waitFor(() => expect(navigations).toHaveLength(1), SLOW);
    expect(navigations[0]).toContain("/api/upgrade/checkout/");
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((call) => call.idempotencyKey)).size).toBe(1);
    expect(calls[0]?.idempotencyKey).toMatch(/\S{16,}/);
    expect(backend.getState().checkoutSessions).toHaveLength(1);
  });

  it("three network errors: the alert shows after three POSTs, the buttons work again, and the next click reuses the key", async () => {
    const calls = script("post", "/provision-subscription", repeat(3, fault.networkError()));
    const { navigations, user } = await clickUpgradeBasic();
    const alert = await screen.findByRole("alert", {}, SLOW);
    // No answer came, so no backend message: a plain sentence, never the library's URL-bearing one.
    expect(alert.textContent).toBe("The upgrade could not be started. Check your connection and try again.");
    expect(alert.getAttribute("data-error-code")).toBe("NETWORK");
    expect(calls).toHaveLength(3);
    expect(screen.getByRole("button", { name: "Upgrade: Basic" })).toHaveProperty("disabled", false);
    expect(navigations).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(navigations).toHaveLength(1), SLOW);
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((call) => call.idempotencyKey)).size).toBe(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it.each([
    ["a 400: a refusal, so the next attempt gets a new key", 400, false],
    ["a 402: a refusal, so the next attempt gets a new key", 402, false],
    ["a 429: 'later', so the next attempt keeps the key", 429, true],
  ])("%s; shown at once, not retried by itself", async (_name, status, sameKey) => {
    const calls = script("post", "/provision-subscription", [fault.status(status)]);
    const { navigations, user } = await clickUpgradeBasic();
    expect((await screen.findByRole("alert")).textContent).toContain("The upgrade could not be started: refused");
    // Longer than the first retry's wait.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(calls).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(navigations).toHaveLength(1), SLOW);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.idempotencyKey === calls[0]?.idempotencyKey).toBe(sameKey);
  });

  it("a timeout is not retried by itself (the POST may still be running); the user's retry reuses the key and the backend provisions once", async () => {
    // The first POST reaches the real handler only after the client gave up on it.
    const calls = script("post", "/provision-subscription", [fault.slow(1_000, fault.pass())]);
    const { navigations, user } = await clickUpgradeBasic(300);
    const alert = await screen.findByRole("alert", {}, SLOW);
    expect(alert.getAttribute("data-error-code")).toBe("TIMEOUT");
    expect(alert.textContent).toBe("The upgrade could not be started. The server took too long to answer. Please try again.");
    expect(calls).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(navigations).toHaveLength(1), SLOW);
    expect(calls[1]?.idempotencyKey).toBe(calls[0]?.idempotencyKey);
    // Both requests reached the backend; the key made the second one a replay.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(backend.getState().checkoutSessions).toHaveLength(1);
  });

  it("a 200 with a body that is not JSON is shown at once and not retried; the next click reuses the key", async () => {
    const calls = script("post", "/provision-subscription", [fault.text(200, "<html>maintenance</html>", "text/html")]);
    const { navigations, user } = await clickUpgradeBasic();
    const alert = await screen.findByRole("alert");
    expect(alert.getAttribute("data-error-code")).toBe("INVALID_RESPONSE");
    expect(alert.textContent).toBe("The upgrade could not be started. Please try again in a moment.");
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(calls).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Upgrade: Basic" }));
    await waitFor(() => expect(navigations).toHaveLength(1), SLOW);
    expect(calls[1]?.idempotencyKey).toBe(calls[0]?.idempotencyKey);
  });
});
