/**
 * An AbortSignal that aborts when any of `signals` does. `AbortSignal.any` where the platform has it
 * (Node 20.3+, Chrome 116+, Safari 17.4+), else the same thing by hand for older browsers.
 */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
