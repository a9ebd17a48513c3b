"use client";
/**
 * Provisions a subscription and follows the checkout when the backend answers PAYMENT_REQUIRED.
 *
 * Double actions are harmless: a call while the same intent is running joins it (one POST, one
 * navigation), and a retry after a failure that may have reached the backend reuses the idempotency key.
 * Back from the hosted checkout: a browser that restores the page from its back/forward cache
 * (bfcache) restores the "redirecting" state too, so `pageshow` with `persisted` resets the hook to
 * idle (checkout/start.ts listens for it when it navigates).
 */
import { useCallback, useRef, useState } from "react";
import type { ProvisionSubscriptionParams, ProvisionSubscriptionResult, Subscription } from "../core/contract.js";
import { defaultCheckoutOptions } from "../core/returnMarker.js";
import { UpgradeError } from "../core/UpgradeError.js";
import { startCheckout, type ProvisionOutcome, type StartCheckoutOptions } from "./checkout/start.js";
import { useStiggContext, type StiggContextValue } from "./StiggContext.js";

export type { ProvisionOutcome };

/** What a caller passes: `customerId` defaults to the provider's. */
export type ProvisionSubscriptionInput = Omit<ProvisionSubscriptionParams, "customerId"> & {
  customerId?: string;
};

export interface UseProvisionSubscriptionOptions extends StartCheckoutOptions {
  onSuccess?: (subscription: Subscription) => void;
  onError?: (error: UpgradeError) => void;
}

/** "checkout": the embedded checkout dialog is open. */
export type ProvisionStatus = "idle" | "pending" | "redirecting" | "checkout" | "success" | "error";

export interface UseProvisionSubscriptionResult {
  /**
   * Starts (or joins) a provision. The promise rejects with an `UpgradeError` on failure; it is
   * safe to ignore (no unhandled rejection), since `status` and `error` report it too.
   */
  provisionSubscription: (params: ProvisionSubscriptionInput) => Promise<ProvisionOutcome>;
  status: ProvisionStatus;
  data: ProvisionSubscriptionResult | undefined;
  error: UpgradeError | null;
  isPending: boolean;
  reset: () => void;
}

interface ProvisionState {
  status: ProvisionStatus;
  outcome?: ProvisionOutcome;
  error?: UpgradeError;
}

const IDLE: ProvisionState = { status: "idle" };

export function useProvisionSubscription(
  options: UseProvisionSubscriptionOptions = {},
): UseProvisionSubscriptionResult {
  const context = useStiggContext();
  const [state, setState] = useState<ProvisionState>(IDLE);
  // The latest options and call, read when a provision settles (callbacks may be inline arrows).
  const latestOptions = useRef(options);
  latestOptions.current = options;
  const latestCall = useRef(0);
  const reset = useCallback(() => {
    latestCall.current += 1;
    setState(IDLE);
  }, []);

  // A small state machine of our own rather than react-query's useMutation: the controller already
  // joins starts and the coordinator keeps their keys, and useMutation would add 0.45 KiB gzip to
  // every app.
  const provisionSubscription = useCallback(
    (input: ProvisionSubscriptionInput) => {
      const call = ++latestCall.current;
      // Captured now, while the clicked button still has focus: the embedded dialog returns it there.
      const opener = typeof document === "undefined" ? null : document.activeElement;
      const isLatest = () => call === latestCall.current;
      setState({ status: "pending" });
      const outcome = (async () =>
        startCheckout(completeParams(input, context), context, () => latestOptions.current, {
          opener,
          onCheckoutOpen: () => isLatest() && setState({ status: "checkout" }),
          onPageRestored: reset,
        }))().then(
        (settled) => {
          // After an embedded checkout that was left unpaid, the button is simply ready again.
          const status = settled.redirected ? "redirecting" : settled.embedded && !settled.paid ? "idle" : "success";
          if (isLatest()) setState({ status, outcome: settled });
          if (settled.result.status === "SUCCESS") latestOptions.current.onSuccess?.(settled.result.subscription);
          return settled;
        },
        (reason: unknown) => {
          const error = toUpgradeError(reason);
          if (isLatest()) setState({ status: "error", error });
          latestOptions.current.onError?.(error);
          throw error;
        },
      );
      // Mark the promise handled: callers that ignore it must not cause an unhandled rejection.
      outcome.catch(() => undefined);
      return outcome;
    },
    [context, reset],
  );

  return {
    provisionSubscription,
    status: state.status,
    data: state.outcome?.result,
    error: state.error ?? null,
    isPending: state.status === "pending",
    reset,
  };
}

function toUpgradeError(reason: unknown): UpgradeError {
  return reason instanceof UpgradeError
    ? reason
    : new UpgradeError("UNEXPECTED", reason instanceof Error ? reason.message : String(reason), { cause: reason });
}

function completeParams(input: ProvisionSubscriptionInput, context: StiggContextValue): ProvisionSubscriptionParams {
  const customerId = input.customerId ?? context.customerId;
  if (!customerId) {
    throw new UpgradeError(
      "INVALID_ARGUMENT",
      "No customerId: set <StiggProvider customerId> or pass one",
    );
  }
  const checkoutOptions =
    input.checkoutOptions ??
    (typeof window === "undefined" ? undefined : defaultCheckoutOptions(window.location.href));
  return { ...input, customerId, ...(checkoutOptions && { checkoutOptions }) };
}
