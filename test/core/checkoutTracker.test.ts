import { describe, expect, it, vi } from "vitest";
import type { Customer, Subscription } from "../../src/core/contract.js";
import { createCheckoutTracker } from "../../src/core/checkoutTracker.js";

const live = (planId: string, status: Subscription["status"] = "ACTIVE"): Subscription => ({
  id: `sub-${planId}`,
  planId,
  status,
  startDate: "2026-01-01T00:00:00.000Z",
});
const customer = (...subscriptions: Subscription[]): Customer => ({ id: "c1", subscriptions });

/** A customer endpoint that shows the old plan for the first `staleReads` reads. */
function laggingBackend(staleReads: number, bought = live("pro")) {
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    load: async () => {
      reads += 1;
      return reads <= staleReads ? customer(live("free")) : customer(live("free", "CANCELED"), bought);
    },
  };
}

describe("checkout tracker", () => {
  it("polls until the bought plan is live, then completes with its subscription", async () => {
    const backend = laggingBackend(2);
    const tracker = createCheckoutTracker();
    const onCompleted = vi.fn();
    const states: string[] = [];
    tracker.subscribe(() => states.push(tracker.getState().status));
    await tracker.finalize({ purchase: { planId: "pro" }, loadCustomer: backend.load, onCompleted, timeoutMs: 10_000 });
    expect(backend.reads).toBe(3);
    expect(tracker.getState()).toEqual({ status: "completed", subscription: live("pro") });
    expect(onCompleted).toHaveBeenCalledWith(live("pro"));
    expect(states).toEqual(["finalizing", "completed"]);
  });

  it("a trial counts as live", async () => {
    const tracker = createCheckoutTracker();
    await tracker.finalize({ purchase: { planId: "pro" }, loadCustomer: async () => customer(live("pro", "IN_TRIAL")) });
    expect(tracker.getState()).toMatchObject({ status: "completed", subscription: { status: "IN_TRIAL" } });
  });

  it("gives up at the deadline as pending, without throwing", async () => {
    const backend = laggingBackend(1_000);
    const tracker = createCheckoutTracker();
    const onUnconfirmed = vi.fn();
    await tracker.finalize({ purchase: { planId: "pro" }, loadCustomer: backend.load, onUnconfirmed, timeoutMs: 1_200 });
    expect(tracker.getState()).toEqual({ status: "unconfirmed", planId: "pro" });
    expect(onUnconfirmed).toHaveBeenCalledTimes(1);
    // Backoff: 0 ms, then 500 ms; the next 1 s wait would pass the 1.2 s deadline.
    expect(backend.reads).toBe(2);
  });

  it("keeps polling through failed reads", async () => {
    let reads = 0;
    const tracker = createCheckoutTracker();
    await tracker.finalize({
      purchase: { planId: "pro" },
      loadCustomer: async () => {
        reads += 1;
        if (reads === 1) throw new Error("offline");
        return customer(live("pro"));
      },
    });
    expect(tracker.getState().status).toBe("completed");
  });

  it("without a known intent, one fresh read completes it", async () => {
    const tracker = createCheckoutTracker();
    await tracker.finalize({ purchase: null, loadCustomer: async () => customer(live("basic")) });
    expect(tracker.getState()).toEqual({ status: "completed", subscription: live("basic") });
  });

  it("a second finalize joins the first, and pause/resume carry on without a second run", async () => {
    const backend = laggingBackend(1);
    const tracker = createCheckoutTracker();
    const first = tracker.finalize({ purchase: { planId: "pro" }, loadCustomer: backend.load });
    const second = tracker.finalize({ purchase: { planId: "other" }, loadCustomer: backend.load });
    tracker.pause();
    await new Promise((resolve) => setTimeout(resolve, 700));
    const readsWhilePaused = backend.reads;
    expect(tracker.getState().status).toBe("finalizing");
    tracker.resume();
    await Promise.all([first, second]);
    expect(readsWhilePaused).toBe(1);
    expect(tracker.getState()).toMatchObject({ status: "completed", subscription: { planId: "pro" } });
  });

  it("a pause delivered after a later resume (StrictMode's unmount arriving late) does not stop the polling", async () => {
    const backend = laggingBackend(1);
    const tracker = createCheckoutTracker();
    // Asked in this order: mount (1), unmount (2), remount (3); delivered as 1, 3, 2.
    tracker.resume(1);
    const done = tracker.finalize({ purchase: { planId: "pro" }, loadCustomer: backend.load, timeoutMs: 10_000 });
    tracker.resume(3);
    tracker.pause(2);
    await done;
    expect(tracker.getState()).toMatchObject({ status: "completed", subscription: { planId: "pro" } });
  });

  it("a pause asked after the last resume still pauses", async () => {
    const backend = laggingBackend(100);
    const tracker = createCheckoutTracker();
    tracker.resume(1);
    void tracker.finalize({ purchase: { planId: "pro" }, loadCustomer: backend.load, timeoutMs: 10_000 });
    tracker.pause(2);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(backend.reads).toBe(1);
    expect(tracker.getState().status).toBe("finalizing");
  });

  it("a pause and resume while a read is in flight leave one polling chain, not two", async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    let reads = 0;
    const tracker = createCheckoutTracker();
    const slowStaleRead = async () => {
      reads += 1;
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 200));
      inFlight -= 1;
      return customer(live("free"));
    };
    void tracker.finalize({ purchase: { planId: "pro" }, loadCustomer: slowStaleRead, timeoutMs: 10_000 });
    tracker.pause();
    tracker.resume();
    // One chain: reads at 0, 0.2 + 0.5, 0.9 + 1 s... Two chains would overlap and read twice as often.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    tracker.pause();
    expect(mostInFlight).toBe(1);
    expect(reads).toBeLessThanOrEqual(3);
  });
});
