"use client";
/**
 * Notices a return from a hosted checkout (the marker in the URL) and hands it to the lazily
 * loaded finalization code. Runs as a layout effect and marks the checkout "finalizing" at once,
 * so the page never paints a stale, clickable upgrade button before the polling code has loaded.
 */
import { useEffect, useLayoutEffect } from "react";
import { CHECKOUT_RETURN_PARAM } from "../core/returnMarker.js";
import type { UpgradeContextValue } from "./UpgradeContext.js";

// useLayoutEffect warns during server rendering in React 18; it never runs there anyway.
const useClientLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

// Mounts and unmounts, numbered as they happen: the lazily loaded code receives them late and
// possibly out of order (StrictMode's unmount after its remount), and goes by these numbers.
let lifecycleEvents = 0;

export function useCheckoutReturn(context: UpgradeContextValue): void {
  useClientLayoutEffect(() => {
    const mounted = ++lifecycleEvents;
    const { checkoutState } = context;
    const search = window.location.search;
    const finalizing = () => checkoutState.get().status === "finalizing";
    if (search.includes(`${CHECKOUT_RETURN_PARAM}=`) || finalizing()) {
      if (search.includes(`${CHECKOUT_RETURN_PARAM}=success`) && !finalizing()) {
        checkoutState.set({ status: "finalizing", planId: null });
      }
      import("./checkoutFinalization.js").then(
        (module) => module.handleReturn(context, mounted),
        // The code could not load (offline, a deploy removed the chunk): do not hold the buttons forever.
        () => checkoutState.set({ status: "pending", planId: null }),
      );
    }
    return () => {
      const unmounted = ++lifecycleEvents;
      if (finalizing()) void import("./checkoutFinalization.js").then((module) => module.pause(context, unmounted));
    };
  }, [context]);
}
