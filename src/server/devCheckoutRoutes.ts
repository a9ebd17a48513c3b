/**
 * The dev checkout pages, served when the backend has `checkout` (a stand-in for a payment
 * provider's hosted checkout): `GET {basePath}/checkout/{sessionId}` (and `/done`), and the
 * `POST .../pay` and `.../cancel` its buttons send.
 */
import type { UpgradeBackend } from "./backend.js";
import { renderCheckoutDonePage, renderCheckoutErrorPage, renderCheckoutPage } from "./checkoutPages.js";
import { errorResponse, htmlResponse, seeOtherResponse, type HttpAnswer } from "./httpResponses.js";
import type { Route } from "./route.js";
import { wantsHtml } from "./wantsHtml.js";

/** The dev checkout lives at `{basePath}/checkout/{sessionId}` (plus `/pay`, `/cancel`, `/done`). */
export const CHECKOUT_PATH = "/checkout";

export interface DevCheckoutContext {
  /** Read on every request: a backend without `checkout` serves no checkout routes. */
  backend: Pick<UpgradeBackend, "checkout">;
  basePath: string;
}

/** The checkout route for `path` (relative to `basePath`), or `null` when it is none. */
export function devCheckoutRoute(context: DevCheckoutContext, request: Request, path: string): Route | null {
  const checkout = context.backend.checkout;
  if (!checkout) return null;
  const match = /^\/checkout\/([^/]+)(?:\/(pay|cancel|done))?$/.exec(path);
  if (!match?.[1]) return null;
  let sessionId: string;
  try {
    sessionId = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const pagePath = `${context.basePath}${CHECKOUT_PATH}/${encodeURIComponent(sessionId)}`;
  const action = match[2];

  if (action === "pay" || action === "cancel") {
    return {
      allow: ["POST"],
      isPage: true,
      run: async () => {
        const { redirectTo } = action === "pay" ? await checkout.pay(sessionId) : await checkout.cancel(sessionId);
        return seeOtherResponse(redirectTo);
      },
    };
  }
  return {
    allow: ["GET"],
    isPage: true,
    run: async () => {
      const session = await checkout.get(sessionId);
      if (!session) return checkoutSessionNotFound(request);
      const html = action === "done" ? renderCheckoutDonePage(session, pagePath) : renderCheckoutPage(session, pagePath);
      return htmlResponse(200, html);
    },
  };
}

function checkoutSessionNotFound(request: Request): HttpAnswer {
  const message = "This checkout session does not exist or has expired.";
  if (wantsHtml(request)) return htmlResponse(404, renderCheckoutErrorPage("Checkout not found", message));
  return errorResponse(404, "CHECKOUT_SESSION_NOT_FOUND", message);
}
