// The library build compiles with `types: []` (the browser entry must not see Node globals); this
// adapter is Node-only and its signature uses node:http types, so it asks for them itself.
/// <reference types="node" />
/**
 * Adapts a Fetch API handler to Node's `(req, res, next?)` shape, so the same handler mounts in
 * `node:http`, Express, Connect and Vite's dev server (`server.middlewares.use(...)`), before or
 * after the app's body parser.
 *
 * What it costs per request matters (it runs for every endpoint request), so:
 * - the `Request`'s signal is made only when the handler asks for it or the client disconnects
 *   (`NodeRequest`); it aborts when the client goes away before the answer is sent;
 * - for `createUpgradeHandler`'s handler, a body with a Content-Length of at most 64 KiB is read
 *   into one buffer and handed over without a web stream, and the answer (a plain status, headers
 *   and string, see handlerAnswer.ts) is written with `res.writeHead` and `res.end`, with no
 *   `Response` made and read back;
 * - any other handler gets a `Request` whose body streams from `req`, and its `Response` is
 *   written as before: a string, bytes or stream body, with backpressure.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { TLSSocket } from "node:tls";
import { ANSWER, type AnswersDirectly } from "./handlerAnswer.js";
import type { HttpAnswer } from "./httpResponses.js";
import { NodeRequest } from "./nodeRequest.js";

/** Any Fetch-API handler: `createUpgradeHandler`'s, Hono's `app.fetch`, a Next.js route function. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

export type NodeListener = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export interface NodeListenerOptions {
  /**
   * For requests outside the handler's base path when there is no `next` (a bare `node:http`
   * server): answer them yourself. Without it they get the handler's JSON 404.
   */
  onNotFound?: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A handler that can tell which paths are its own (as `createUpgradeHandler`'s can). */
interface PathAwareHandler extends FetchHandler, AnswersDirectly {
  handles?: (pathname: string) => boolean;
}

/** The largest body read into memory before the handler runs; a longer or unsized one streams. */
const MAX_BUFFERED_BODY_BYTES = 64 * 1024;

export function toNodeListener(handler: PathAwareHandler, options: NodeListenerOptions = {}): NodeListener {
  const answerOf = handler[ANSWER];
  return (req, res, next) => {
    // Express and Connect strip the mount path from `req.url`; the handler routes on the full path.
    const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "/";
    const url = new URL(path, `${isEncrypted(req) ? "https" : "http"}://${req.headers.host ?? "localhost"}`);

    // Decided before the body is touched, so the next middleware still gets an unread stream.
    if (handler.handles && !handler.handles(url.pathname)) {
      if (next) return next();
      if (options.onNotFound) return options.onNotFound(req, res);
    }

    const fail = (error: unknown) => {
      if (next) return next(error);
      if (res.headersSent) {
        res.destroy(error instanceof Error ? error : undefined);
        return;
      }
      res.statusCode = 500;
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.setHeader("Cache-Control", "no-store");
      res.end(JSON.stringify({ error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side." } }));
    };

    const serveWith = (request: NodeRequest) => {
      // The client went away before the answer was sent: let the handler stop reading and skip
      // work nobody will see.
      res.once("close", () => {
        if (!res.writableFinished) NodeRequest.abort(request);
      });
      const served = answerOf ? answerOf(request).then((answer) => writeAnswer(answer, request.method, res)) : serve(handler, request, res);
      served.catch(fail);
    };

    const method = req.method ?? "GET";
    const headers = requestHeaders(req);
    const init: RequestInit & { duplex?: "half" } = { method, headers };
    if (method === "GET" || method === "HEAD") return serveWith(new NodeRequest(url, init));

    const parsed = parsedBody(req);
    if (parsed !== undefined) {
      init.body = parsed;
      // The original length no longer matches a re-serialized body.
      delete headers["content-length"];
      return serveWith(new NodeRequest(url, init));
    }
    const length = declaredLength(req);
    if (answerOf && length !== undefined && length <= MAX_BUFFERED_BODY_BYTES && !req.readableEnded) {
      readBody(req, length).then((bytes) => serveWith(new NodeRequest(url, init, bytes)), fail);
      return;
    }
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    // `duplex` is required by Node's fetch for streamed bodies but missing from the DOM typings.
    init.duplex = "half";
    serveWith(new NodeRequest(url, init));
  };
}

/**
 * Writes the handler's plain answer in one write: with its Content-Length, so neither chunked
 * encoding nor a second write is needed. `HEAD` answers carry no body (the handler drops it).
 */
function writeAnswer(answer: HttpAnswer, method: string, res: ServerResponse): void {
  const body = answer.body === null || method === "HEAD" ? undefined : answer.body;
  if (body !== undefined) answer.headers["Content-Length"] = String(Buffer.byteLength(body));
  res.writeHead(answer.status, answer.headers);
  res.end(body);
}

async function serve(handler: FetchHandler, request: Request, res: ServerResponse): Promise<void> {
  const response = await handler(request);
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    // Headers joins repeated Set-Cookie with ", ", which breaks cookies; they are set below, one by one.
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);

  if (!response.body || request.method === "HEAD") {
    res.end();
    return;
  }
  // Upgrade-handler bodies are small, but a generic handler may stream; honour backpressure.
  for await (const chunk of response.body) {
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once("drain", resolve));
  }
  res.end();
}

/** The request's headers as Fetch takes them (repeated ones joined, as `Headers` would). */
function requestHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in req.headers) {
    const value = req.headers[name];
    // HTTP/2 pseudo-headers (":path") are not valid Fetch header names.
    if (value === undefined || name.startsWith(":")) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Content-Length when the body is sized by it alone (no Transfer-Encoding), else undefined. */
function declaredLength(req: IncomingMessage): number | undefined {
  if (req.headers["transfer-encoding"] !== undefined) return undefined;
  const header = req.headers["content-length"];
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

/** The whole body of `length` declared bytes (node:http has checked it is no more), as one buffer. */
function readBody(req: IncomingMessage, length: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.byteLength;
    });
    req.once("end", () => {
      if (received !== length) return reject(new Error(`Request body was ${received} bytes, not the ${length} declared.`));
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received));
    });
    req.once("error", reject);
    // The client went away mid-body: there is nobody to answer.
    req.once("aborted", () => reject(new Error("The client disconnected while sending the body.")));
  });
}

/**
 * An app that mounts the listener after `express.json()` (or another body parser) has already
 * read the stream: what is left to read is nothing, so the parsed body is passed on instead.
 * JSON is re-serialized; raw and text parsers' Buffers and strings are passed as they are.
 */
function parsedBody(req: IncomingMessage): BodyInit | undefined {
  const body: unknown = (req as IncomingMessage & { body?: unknown }).body;
  if (!req.readableEnded || body === undefined) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  return JSON.stringify(body);
}

function isEncrypted(req: IncomingMessage): boolean {
  return (req.socket as Partial<TLSSocket>).encrypted === true;
}
