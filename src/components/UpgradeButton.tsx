"use client";
/**
 * A button that provisions one plan and follows the checkout. With `asChild` it lends that
 * behaviour to the app's own button component instead of rendering a `<button>`.
 */
import { forwardRef, type ButtonHTMLAttributes, type MouseEvent, type ReactNode } from "react";
import type { BillingPeriod, Subscription, SubscriptionAddon } from "../core/contract.js";
import type { UpgradeError } from "../core/UpgradeError.js";
import { useCheckoutStatus } from "../react/useCheckoutStatus.js";
import { useCheckoutWarmUp } from "../react/useCheckoutWarmUp.js";
import { useCustomer } from "../react/useCustomer.js";
import { isCurrentPurchase } from "../core/subscriptions.js";
import { useProvisionSubscription } from "../react/useProvisionSubscription.js";
import { Slot } from "./Slot.js";

/** `"current"`: the customer already has exactly this (plan, and the period, quantity and add-ons given). */
export type UpgradeButtonState =
  | "idle"
  | "current"
  | "pending"
  | "redirecting"
  | "checkout"
  | "finalizing"
  | "success"
  | "error";

export interface UpgradeButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onError"> {
  planId: string;
  billingPeriod?: BillingPeriod;
  unitQuantity?: number;
  addons?: SubscriptionAddon[];
  /** Render the one child element with this button's behaviour instead of a `<button>`. */
  asChild?: boolean;
  /**
   * Default: disabled while busy, while a returned checkout is confirmed, and when the customer
   * already has exactly this purchase (`data-state="current"`). `disabled={false}` lets a current
   * purchase be clicked anyway; busy and finalizing still block.
   */
  disabled?: boolean;
  onSuccess?: (subscription: Subscription) => void;
  onError?: (error: UpgradeError) => void;
  children?: ReactNode;
}

export const UpgradeButton = forwardRef<HTMLButtonElement, UpgradeButtonProps>(function UpgradeButton(
  { planId, billingPeriod, unitQuantity, addons, asChild = false, onSuccess, onError, onClick, disabled, children, ...rest },
  ref,
) {
  const { provisionSubscription, status } = useProvisionSubscription({ onSuccess, onError });
  const finalizing = useCheckoutStatus().status === "finalizing";
  // As the Paywall marks the customer's plan: buying it again would change nothing.
  const customer = useCustomer().data;
  const current = isCurrentPurchase(customer, { planId, billingPeriod, unitQuantity, addons });
  const warmUp = useCheckoutWarmUp();
  const busy = status === "pending" || status === "redirecting";

  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || busy || finalizing) return;
    void provisionSubscription({
      planId,
      ...(billingPeriod && { billingPeriod }),
      ...(unitQuantity !== undefined && { unitQuantity }),
      ...(addons && { addons }),
    });
  };

  const shared = {
    ...warmUp,
    ...rest,
    "aria-busy": busy || finalizing || undefined,
    "data-state": finalizing ? "finalizing" : status === "idle" && current ? "current" : status,
    // While a checkout that came back is confirmed, a second purchase must not start.
    disabled: (disabled ?? current) || busy || finalizing,
  };

  if (asChild) {
    // The Slot composes the child's own onClick before ours; ours checks defaultPrevented.
    return (
      <Slot {...shared} ref={ref as never} onClick={handleClick as never}>
        {children}
      </Slot>
    );
  }
  return (
    <button type="button" {...shared} ref={ref} onClick={handleClick}>
      {children}
    </button>
  );
});
