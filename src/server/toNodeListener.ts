// The library build compiles with `types: []` (the browser entry must not see Node globals); this
// adapter is Node-only and its signature uses node:http types, so it asks for them itself.
/// <reference types="node" />
/**
 * Adapts a Fetch API handler to Node's `(req, res, next?)` shape, so the same handler mounts in
 * `node:http`, Express, Connect and Vite's dev server (`server.middlewares.use(...)`), before or
 * after the app's body parser.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { TLSSocket } from "node:tls";

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
interface PathAwareHandler extends FetchHandler {
  handles?: (pathname: string) => boolean;
}

export function toNodeListener(handler: PathAwareHandler, options: NodeListenerOptions = {}): NodeListener {
  return (req, res, next) => {
    // Express and Connect strip the mount path from `req.url`; the handler routes on the full path.
    const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "/";
    const url = new URL(path, `${isEncrypted(req) ? "https" : "http"}://${req.headers.host ?? "localhost"}`);

    // Decided before the body is touched, so the next middleware still gets an unread stream.
    if (handler.handles && !handler.handles(url.pathname)) {
      if (next) return next();
      if (options.onNotFound) return options.onNotFound(req, res);
    }

    const abort = new AbortController();
    // The client went away: let the handler stop reading and skip work nobody will see.
    res.once("close", () => {
      if (!res.writableFinished) abort.abort();
    });

    serve(handler, toRequest(req, url, abort.signal), res).catch((error: unknown) => {
      if (next) return next(error);
      if (res.headersSent) {
        res.destroy(error instanceof Error ? error : undefined);
        return;
      }
      res.statusCode = 500;
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.setHeader("Cache-Control", "no-store");
      res.end(JSON.stringify({ error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side." } }));
    });
  };
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

function toRequest(req: IncomingMessage, url: URL, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (":path") are not valid Fetch header names.
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // `duplex` is required by Node's fetch for streamed bodies but missing from the DOM typings.
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal };
  if (hasBody) {
    const parsed = parsedBody(req);
    if (parsed === undefined) {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = "half";
    } else {
      init.body = parsed;
      // The original length no longer matches a re-serialized body.
      headers.delete("content-length");
    }
  }
  return new Request(url, init);
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
