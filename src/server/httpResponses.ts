/**
 * The few kinds of response the handler sends, as plain `HttpAnswer`s: status, headers and a
 * string body. The handler turns one into a `Response` at the end (`toResponse`); the Node adapter
 * writes it to the socket as it is, without building a `Response` and reading its stream back.
 *
 * All of them say `Cache-Control: no-store` (plans, customers and checkout state are per-user and
 * change on every purchase, so no cache may keep them), except `GET /plans` when the handler is
 * told to let browsers revalidate it (`plansCaching: "revalidate"`, see plansRoute.ts).
 */
import type { ErrorBody } from "../core/contract.js";

const JSON_TYPE = "application/json; charset=utf-8";
const HTML_TYPE = "text/html; charset=utf-8";

/** A response before it is a `Response`: what the handler answers, in the shape Node writes. */
export interface HttpAnswer {
  status: number;
  /** Header names as sent; one value each (the handler sets no repeated header). */
  headers: Record<string, string>;
  /** `null` for none (303, 304, HEAD). */
  body: string | null;
}

function baseHeaders(contentType?: string): Record<string, string> {
  const headers: Record<string, string> = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (contentType) headers["Content-Type"] = contentType;
  return headers;
}

/** `body` is JSON text already (e.g. a replayed idempotent answer). */
export function jsonTextResponse(status: number, body: string, extraHeaders: Record<string, string> = {}): HttpAnswer {
  return { status, headers: Object.assign(baseHeaders(JSON_TYPE), extraHeaders), body };
}

export function jsonResponse(status: number, body: unknown, extraHeaders: Record<string, string> = {}): HttpAnswer {
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
): HttpAnswer {
  return jsonResponse(status, errorBody(code, message), extraHeaders);
}

/**
 * For the dev checkout pages. The policy allows only the page's own inline CSS: the page has no
 * scripts, and interpolated text is escaped anyway, so this is a second line of defence.
 */
export function htmlResponse(status: number, html: string): HttpAnswer {
  const headers = baseHeaders(HTML_TYPE);
  headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on the page's own
  // Pay/Cancel form posts, which the Origin check rightly refuses. Other sites still get no Referer.
  headers["Referrer-Policy"] = "same-origin";
  return { status, headers, body: html };
}

/** 303 so the browser follows a form POST with a GET. */
export function seeOtherResponse(location: string): HttpAnswer {
  const headers = baseHeaders();
  headers.Location = location;
  return { status: 303, headers, body: null };
}

/** Whether the answer has this header, whatever the case of its name. */
export function hasHeader(answer: HttpAnswer, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(answer.headers).some((key) => key.toLowerCase() === lower);
}

export function toResponse(answer: HttpAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
