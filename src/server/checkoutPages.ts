/**
 * HTML of the dev checkout: the page a PAYMENT_REQUIRED answer sends the browser to, the page it
 * lands on when no return URL was given, and the error page. Plain forms, no script, so it works
 * with JavaScript off and in any runtime. Every interpolated value goes through `escapeHtml`.
 */
import type { BillingPeriod } from "../core/contract.js";
import type { CheckoutSessionView } from "./backend.js";
import { escapeHtml } from "./escapeHtml.js";
import { formatMoney } from "../core/paywall/formatMoney.js";

const PERIOD_TEXT: Record<BillingPeriod, string> = { MONTHLY: "per month", ANNUALLY: "per year" };

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { width: min(26rem, 100% - 2rem); padding: 2rem; border: 1px solid GrayText; border-radius: 0.75rem; }
  h1 { margin: 0 0 0.5rem; font-size: 1.5rem; }
  .ruk-checkout-note { margin: 0 0 1.5rem; font-size: 0.875rem; }
  .ruk-checkout-price { margin: 0; font-size: 2rem; font-weight: 700; }
  .ruk-checkout-period { margin: 0 0 1.5rem; }
  .ruk-checkout-actions { display: flex; gap: 0.75rem; }
  button { font: inherit; padding: 0.6rem 1.25rem; border-radius: 0.5rem; border: 1px solid ButtonBorder; cursor: pointer; }
  .ruk-checkout-pay { background: #2454d6; border-color: #2454d6; color: #fff; }
  button:focus-visible, a:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
`;

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

/** `checkoutPath` is the session's page path (`{basePath}/checkout/{id}`), already URL-encoded. */
export function renderCheckoutPage(session: CheckoutSessionView, checkoutPath: string): string {
  const units =
    session.unitQuantity === undefined
      ? ""
      : ` for ${session.unitQuantity} ${session.unitsLabel ?? (session.unitQuantity === 1 ? "unit" : "units")}`;
  const summary = `
<h1>${escapeHtml(session.planName)}</h1>
<p class="ruk-checkout-note">Test checkout: no real payment is taken.</p>
<p class="ruk-checkout-price">${escapeHtml(formatMoney(session.amount, session.currency, "en-US"))}</p>
<p class="ruk-checkout-period">${escapeHtml(PERIOD_TEXT[session.billingPeriod] + units)}</p>${
    session.oneOffAmount === undefined
      ? ""
      : `\n<p class="ruk-checkout-period">${escapeHtml(`+ ${formatMoney(session.oneOffAmount, session.currency, "en-US")} one-time`)}</p>`
  }`;

  if (session.status !== "OPEN") {
    const state = session.status === "PAID" ? "This checkout is already paid." : "This checkout was canceled.";
    return layout(`Checkout: ${session.planName}`, `${summary}\n<p role="status">${state}</p>`);
  }
  const action = (verb: "pay" | "cancel") => escapeHtml(`${checkoutPath}/${verb}`);
  return layout(
    `Checkout: ${session.planName}`,
    `${summary}
<div class="ruk-checkout-actions">
<form method="post" action="${action("pay")}"><button type="submit" class="ruk-checkout-pay">Pay</button></form>
<form method="post" action="${action("cancel")}"><button type="submit">Cancel</button></form>
</div>`,
  );
}

/** Where checkout ends when the app gave no success/cancel URL. */
export function renderCheckoutDonePage(session: CheckoutSessionView, checkoutPath: string): string {
  if (session.status === "OPEN") {
    return layout(
      "Checkout not finished",
      `<h1>Checkout not finished</h1>
<p><a href="${escapeHtml(checkoutPath)}">Back to checkout for ${escapeHtml(session.planName)}</a></p>`,
    );
  }
  const title = session.status === "PAID" ? "Payment received" : "Checkout canceled";
  const detail =
    session.status === "PAID"
      ? `Your ${escapeHtml(session.planName)} subscription is active.`
      : `You were not charged for ${escapeHtml(session.planName)}.`;
  return layout(title, `<h1>${title}</h1>\n<p role="status">${detail} You can close this tab.</p>`);
}

export function renderCheckoutErrorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}
