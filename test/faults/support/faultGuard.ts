/**
 * Fails the test in which the library lets a problem escape to the host app: a `console.error`
 * (React reports render crashes, act() misuse, duplicate keys and uncaught effect errors there), an
 * unhandled promise rejection, or an uncaught error event. Call once at the top of a fault suite.
 *
 * Problems are collected rather than thrown where they happen (a throw inside console.error or a
 * rejection handler would be swallowed) and checked after each test, after the pending timers of
 * the test had one turn to report theirs.
 */
import { afterEach, beforeEach, expect, vi } from "vitest";

export interface FaultGuard {
  /** What escaped during the current test; the guard's own tests read and clear it. */
  problems: string[];
}

export function guardAgainstEscapedFaults(): FaultGuard {
  const guard: FaultGuard = { problems: [] };
  const record = (kind: string, value: unknown) => {
    guard.problems.push(`${kind}: ${value instanceof Error ? `${value.name}: ${value.message}` : String(value)}`);
  };
  const onUnhandledRejection = (reason: unknown) => record("unhandled rejection", reason);
  const onWindowRejection = (event: PromiseRejectionEvent) => record("unhandled rejection", event.reason);
  const onWindowError = (event: ErrorEvent) => record("uncaught error", event.error ?? event.message);

  beforeEach(() => {
    guard.problems.length = 0;
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => record("console.error", args.map(String).join(" ")));
    process.on("unhandledRejection", onUnhandledRejection);
    if (typeof window !== "undefined") {
      window.addEventListener("unhandledrejection", onWindowRejection);
      window.addEventListener("error", onWindowError);
    }
  });

  afterEach(async () => {
    // Unmount now (the dom setup's cleanup would run after this hook), so unmount faults count too.
    if (typeof window !== "undefined") (await import("@testing-library/react")).cleanup();
    // Node reports an unhandled rejection after the microtasks of the turn that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off("unhandledRejection", onUnhandledRejection);
    if (typeof window !== "undefined") {
      window.removeEventListener("unhandledrejection", onWindowRejection);
      window.removeEventListener("error", onWindowError);
    }
    vi.mocked(console.error).mockRestore();
    expect(guard.problems, "errors escaped to the console or as unhandled rejections").toEqual([]);
  });

  return guard;
}
