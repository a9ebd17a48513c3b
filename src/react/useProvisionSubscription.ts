"use client";
/**
 * Provisions a subscription and follows the checkout when the backend answers PAYMENT_REQUIRED.
 *
 * Double actions are harmless: a call while the same intent is running joins it (one POST, one
 * navigation), and a retry after a failure that may have reached the backend reuses the idempotency key.
 * Back from the hosted checkout: a browser that restores the page from its back/forward cache
 * (bfcache) restores the "redirecting" state too, so `pageshow` with `persisted` resets the hook to idle.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type {
  ProvisionPaymentRequired,
  ProvisionSubscriptionParams,
  ProvisionSubscriptionResult,
  Subscription,
} from "../core/contract.js";
import { canonicalJson } from "../core/canonicalJson.js";
import { assertCheckoutUrl } from "../core/checkoutUrlGuard.js";
import { saveCheckoutIntent, sessionStorageOrUndefined, type CheckoutIntent } from "../core/checkoutIntent.js";
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

/** "checkout": the embedded checkout dialog is open. */
export type ProvisionStatus = "idle" | "pending" | "redirecting" | "checkout" | "success" | "error";

export interface ProvisionOutcome {
  result: ProvisionSubscriptionResult;
  /** True when the library navigated to the hosted checkout. */
  redirected: boolean;
  /** True when the library opened the embedded checkout (the outcome comes when it closes). */
  embedded: boolean;
  /** With `embedded`: the user paid in the dialog. */
  paid: boolean;
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
  error?: UpgradeError;
}

const IDLE: ProvisionState = { status: "idle" };

export function useProvisionSubscription(
  options: UseProvisionSubscriptionOptions = {},
): UseProvisionSubscriptionResult {
  const context = useUpgradeContext();
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
      // Captured now, while the clicked button still has focus: the embedded dialog returns it there.
      const opener = typeof document === "undefined" ? null : document.activeElement;
      const isLatest = () => call === latestCall.current;
      setState({ status: "pending" });
      const outcome = (async () => {
        const params = completeParams(input, context);
        return context.followThrough.run(canonicalJson(params), () =>
          provisionAndFollow(params, context, latestOptions.current, opener, () => {
            if (isLatest()) setState({ status: "checkout" });
          }),
        );
      })().then(
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
    [context],
  );

  const reset = useCallback(() => {
    latestCall.current += 1;
    setState(IDLE);
  }, []);

  // Back from checkout into a page restored from the bfcache: nothing is running any more.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => event.persisted && reset();
    addEventListener("pageshow", onPageShow);
    return () => removeEventListener("pageshow", onPageShow);
  }, [reset]);

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

function completeParams(input: ProvisionSubscriptionInput, context: UpgradeContextValue): ProvisionSubscriptionParams {
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

async function provisionAndFollow(
  params: ProvisionSubscriptionParams,
  context: UpgradeContextValue,
  options: UseProvisionSubscriptionOptions,
  opener: Element | null,
  onCheckoutOpen: () => void,
): Promise<ProvisionOutcome> {
  const { result, idempotencyKey } = await context.coordinator.provision(params);
  const outcome = (how?: "redirected" | "embedded", paid = false): ProvisionOutcome => ({
    result,
    redirected: how === "redirected",
    embedded: how === "embedded",
    paid,
  });
  if (result.status === "SUCCESS") {
    // Wait for the fresh customer so "success" is never shown next to the old plan.
    await context.queryClient.invalidateQueries({ queryKey: queryKeys.all(context.endpoint) });
    return outcome();
  }
  if (options.onPaymentRequired) {
    options.onPaymentRequired(result, params);
    return outcome();
  }
  if (options.redirect === false) return outcome();

  // Absent fields stay undefined here and are dropped when the intent is saved as JSON.
  const { customerId, planId, billingPeriod, unitQuantity } = params;
  const intent: CheckoutIntent = { customerId, planId, billingPeriod, unitQuantity, idempotencyKey, savedAt: Date.now() };
  if (context.embeddedCheckout && result.checkoutClientSecret) {
    try {
      return outcome("embedded", await context.embeddedCheckout.open(context, result.checkoutClientSecret, intent, opener, onCheckoutOpen));
    } catch {
      // Stripe.js blocked, offline or too slow: the hosted checkout below still works.
    }
  }
  const url = assertCheckoutUrl(result.checkoutUrl, {
    pageOrigin: typeof window === "undefined" ? undefined : window.location.origin,
    allowedCheckoutHosts: context.allowedCheckoutHosts,
  });
  saveCheckoutIntent(sessionStorageOrUndefined(), context.endpoint, intent);
  context.navigate(url.href);
  return outcome("redirected");
}
