"use client";
/**
 * Provisions a subscription and follows the checkout when the backend answers PAYMENT_REQUIRED.
 *
 * Double actions are harmless: a call while the same intent is running joins it (one POST, one
 * navigation), and a retry after a failure that may have reached the backend reuses the idempotency key.
 */
import { useCallback, useRef, useState } from "react";
import type {
  ProvisionPaymentRequired,
  ProvisionSubscriptionParams,
  ProvisionSubscriptionResult,
  Subscription,
} from "../core/contract.js";
import { canonicalJson } from "../core/canonicalJson.js";
import { assertCheckoutUrl } from "../core/checkoutUrlGuard.js";
import { queryKeys } from "../core/queryKeys.js";
import { defaultCheckoutOptions } from "../core/returnMarker.js";
import { UpgradeError } from "../core/UpgradeError.js";
import { useUpgradeContext, type UpgradeContextValue } from "./UpgradeContext.js";

/** What a caller passes: `customerId` defaults to the provider's. */
export type ProvisionSubscriptionInput = Omit<ProvisionSubscriptionParams, "customerId"> & {
  customerId?: string;
};

export interface UseProvisionSubscriptionOptions {
  /** `false`: on PAYMENT_REQUIRED, resolve with the answer and do not navigate. Default true. */
  redirect?: boolean;
  /** Take over PAYMENT_REQUIRED yourself (implies no redirect). */
  onPaymentRequired?: (result: ProvisionPaymentRequired, params: ProvisionSubscriptionParams) => void;
  onSuccess?: (subscription: Subscription) => void;
  onError?: (error: UpgradeError) => void;
}

export type ProvisionStatus = "idle" | "pending" | "redirecting" | "success" | "error";

export interface ProvisionOutcome {
  result: ProvisionSubscriptionResult;
  /** True when the library navigated to the checkout. */
  redirected: boolean;
}

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
  error: UpgradeError | null;
}

const IDLE: ProvisionState = { status: "idle", error: null };

export function useProvisionSubscription(
  options: UseProvisionSubscriptionOptions = {},
): UseProvisionSubscriptionResult {
  const context = useUpgradeContext("useProvisionSubscription");
  const [state, setState] = useState<ProvisionState>(IDLE);
  // The latest options and call, read when a provision settles (callbacks may be inline arrows).
  const latestOptions = useRef(options);
  latestOptions.current = options;
  const latestCall = useRef(0);

  // A small state machine of our own rather than react-query's useMutation: the coordinator
  // already joins and keys provisions, and useMutation would add 0.45 KiB gzip to every app.
  const provisionSubscription = useCallback(
    (input: ProvisionSubscriptionInput) => {
      const call = ++latestCall.current;
      const isLatest = () => call === latestCall.current;
      setState({ status: "pending", error: null });
      const outcome = (async () => {
        const params = completeParams(input, context);
        return context.followThrough.run(canonicalJson(params), () =>
          provisionAndFollow(params, context, latestOptions.current),
        );
      })().then(
        (settled) => {
          if (isLatest()) setState({ status: settled.redirected ? "redirecting" : "success", outcome: settled, error: null });
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
    [context],
  );

  const reset = useCallback(() => {
    latestCall.current += 1;
    setState(IDLE);
  }, []);

  return {
    provisionSubscription,
    status: state.status,
    data: state.outcome?.result,
    error: state.error,
    isPending: state.status === "pending",
    reset,
  };
}

function toUpgradeError(reason: unknown): UpgradeError {
  return reason instanceof UpgradeError
    ? reason
    : new UpgradeError("UNEXPECTED", reason instanceof Error ? reason.message : String(reason), { cause: reason });
}

function completeParams(input: ProvisionSubscriptionInput, context: UpgradeContextValue): ProvisionSubscriptionParams {
  const customerId = input.customerId ?? context.customerId;
  if (!customerId) {
    throw new UpgradeError(
      "INVALID_ARGUMENT",
      "No customerId: pass one to provisionSubscription or set <StiggProvider customerId>.",
    );
  }
  const checkoutOptions =
    input.checkoutOptions ??
    (typeof window === "undefined" ? undefined : defaultCheckoutOptions(window.location.href));
  return { ...input, customerId, ...(checkoutOptions ? { checkoutOptions } : {}) };
}

async function provisionAndFollow(
  params: ProvisionSubscriptionParams,
  context: UpgradeContextValue,
  options: UseProvisionSubscriptionOptions,
): Promise<ProvisionOutcome> {
  const result = await context.coordinator.provision(params);
  if (result.status === "SUCCESS") {
    // Wait for the fresh customer so "success" is never shown next to the old plan.
    await context.queryClient.invalidateQueries({ queryKey: queryKeys.all(context.endpoint) });
    return { result, redirected: false };
  }
  if (options.onPaymentRequired) {
    options.onPaymentRequired(result, params);
    return { result, redirected: false };
  }
  if (options.redirect === false) return { result, redirected: false };
  const url = assertCheckoutUrl(result.checkoutUrl, {
    pageOrigin: typeof window === "undefined" ? undefined : window.location.origin,
    allowedCheckoutHosts: context.allowedCheckoutHosts,
  });
  context.navigate(url.href);
  return { result, redirected: true };
}
