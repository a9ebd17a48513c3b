"use client";
/**
 * The Paywall in a modal dialog, for the moment a user reaches for something their plan does not
 * include. With `feature`, only plans that grant it are shown. No plan is badged unless the app or
 * the plan's data says so (`highlightedPlanId`, `metadata.highlighted`): "Most popular" on whichever
 * plan comes first would be a claim nobody made.
 */
import { useId, useRef, type MouseEvent, type ReactNode } from "react";
import { plansIncludingFeature, type FeatureNeed } from "../core/entitlements/plansIncludingFeature.js";
import { useModalDialog } from "../react/useModalDialog.js";
import { usePlans } from "../react/usePlans.js";
import { Paywall, type PaywallProps } from "./Paywall.js";

export interface PaywallDialogProps extends PaywallProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Show only plans that grant this feature (with room for the requested usage). */
  feature?: FeatureNeed;
  /** The dialog's title (its accessible name). Default "Upgrade your plan". */
  title?: ReactNode;
  /** Accessible name of the close button. Default "Close". */
  closeLabel?: string;
}

export function PaywallDialog({ open, ...props }: PaywallDialogProps): ReactNode {
  return open ? <OpenPaywallDialog {...props} /> : null;
}

function OpenPaywallDialog({ onOpenChange, feature, title = "Upgrade your plan", closeLabel = "Close", ...paywallProps }: Omit<PaywallDialogProps, "open">) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModalDialog(dialogRef, () => onOpenChange(false));
  const plans = usePlans({ productId: paywallProps.productId });

  let filter: Pick<PaywallProps, "hiddenPlanIds"> = {};
  if (feature && plans.data) {
    const including = new Set(plansIncludingFeature(plans.data, feature).map((plan) => plan.id));
    filter = {
      hiddenPlanIds: [...(paywallProps.hiddenPlanIds ?? []), ...plans.data.filter((plan) => !including.has(plan.id)).map((plan) => plan.id)],
    };
  }

  return (
    <dialog ref={dialogRef} className="ruk-dialog" aria-labelledby={titleId} onClick={(event) => isBackdropClick(event) && onOpenChange(false)}>
      <div className="ruk-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ruk-dialog__close" aria-label={closeLabel} onClick={() => onOpenChange(false)}>
          ×
        </button>
      </div>
      <Paywall {...paywallProps} {...filter} />
    </dialog>
  );
}

/**
 * A click on the dimmed page around a modal dialog reaches the dialog element itself, outside its
 * box (a click inside lands on its content). The embedded checkout dialog does not close this way:
 * a stray click must not drop a payment half typed in.
 */
function isBackdropClick(event: MouseEvent<HTMLDialogElement>): boolean {
  if (event.target !== event.currentTarget) return false;
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
}
