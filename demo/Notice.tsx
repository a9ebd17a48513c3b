/** One dismissible message at the top of the page: checkout results and upsell outcomes. */
import { readReturnMarker, type CheckoutReturn } from "../src/index.js";

export interface NoticeValue {
  kind: "success" | "info" | "error";
  text: string;
}

const CHECKOUT_NOTICES: Record<CheckoutReturn, NoticeValue> = {
  success: { kind: "success", text: "Payment received. Your new plan is active." },
  canceled: { kind: "info", text: "Checkout canceled. You were not charged and your plan is unchanged." },
};

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
