/**
 * The few kinds of response the handler sends. All of them say `Cache-Control: no-store`: plans,
 * customers and checkout state are per-user and change on every purchase, so no cache may keep them.
 */
import type { ErrorBody } from "../core/contract.js";

const JSON_TYPE = "application/json; charset=utf-8";
const HTML_TYPE = "text/html; charset=utf-8";

function baseHeaders(contentType?: string): Headers {
  const headers = new Headers({ "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  if (contentType) headers.set("Content-Type", contentType);
  return headers;
}

/** `body` is JSON text already (e.g. a replayed idempotent answer). */
export function jsonTextResponse(status: number, body: string, extraHeaders: Record<string, string> = {}): Response {
  const headers = baseHeaders(JSON_TYPE);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return new Response(body, { status, headers });
}

export function jsonResponse(status: number, body: unknown, extraHeaders: Record<string, string> = {}): Response {
  return jsonTextResponse(status, JSON.stringify(body), extraHeaders);
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): Response {
  return jsonResponse(status, errorBody(code, message), extraHeaders);
}

/**
 * For the dev checkout pages. The policy allows only the page's own inline CSS: the page has no
 * scripts, and interpolated text is escaped anyway, so this is a second line of defence.
 */
export function htmlResponse(status: number, html: string): Response {
  const headers = baseHeaders(HTML_TYPE);
  headers.set(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  );
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on the page's own
  // Pay/Cancel form posts, which the Origin check rightly refuses. Other sites still get no Referer.
  headers.set("Referrer-Policy", "same-origin");
  return new Response(html, { status, headers });
}

/** 303 so the browser follows a form POST with a GET. */
export function seeOtherResponse(location: string): Response {
  const headers = baseHeaders();
  headers.set("Location", location);
  return new Response(null, { status: 303, headers });
}
