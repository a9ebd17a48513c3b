/** One dismissible message at the top of the page: checkout results and upsell outcomes. */
import { readReturnMarker, type CheckoutReturn, type CheckoutState } from "../src/index.js";

export interface NoticeValue {
  kind: "success" | "info" | "error";
  text: string;
  /** A return from a paid checkout: its words follow the library's checkout state (see below). */
  paid?: boolean;
}

const CHECKOUT_NOTICES: Record<CheckoutReturn, NoticeValue> = {
  success: { kind: "success", text: "Payment received. Your new plan is active.", paid: true },
  canceled: { kind: "info", text: "Checkout canceled. You were not charged and your plan is unchanged." },
};

/**
 * The paid return's notice: "active" only once the library has confirmed the plan and the page's
 * customer shows it (`livePlanId`), so the banner never says the new plan while the panels below
 * still say the old one.
 */
export function paidNotice(notice: NoticeValue, checkout: CheckoutState, livePlanId: string | undefined): NoticeValue {
  if (!notice.paid) return notice;
  if (checkout.status === "unconfirmed") return { kind: "info", text: "Payment received. Your new plan will appear here as soon as it is confirmed.", paid: true };
  // Completed without a known subscription (the purchase was made in another tab): nothing to wait for.
  if (checkout.status === "completed" && (checkout.subscription === null || checkout.subscription.planId === livePlanId)) return notice;
  return { kind: "info", text: "Payment received. Confirming your new plan…", paid: true };
}

/**
 * What to say when the page is opened by a return from checkout (`?ruk_checkout=success|canceled`).
 * The plan needs nothing here: the hooks load the customer fresh when the page loads.
 */
export function checkoutReturnNotice(pageUrl: string): NoticeValue | null {
  const marker = readReturnMarker(pageUrl);
  return marker ? CHECKOUT_NOTICES[marker] : null;
}

export function Notice({ notice, onDismiss }: { notice: NoticeValue; onDismiss: () => void }) {
  return (
    <div className="acme-notice" data-kind={notice.kind} role={notice.kind === "error" ? "alert" : "status"}>
      <p>{notice.text}</p>
      <button type="button" className="acme-notice__close" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
