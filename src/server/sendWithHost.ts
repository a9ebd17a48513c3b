// Node-only, like toNodeListener: the library build compiles with `types: []`, so it asks for them.
/// <reference types="node" />
/**
 * One HTTP request whose `Host` header and request line the caller chooses, which `fetch()` cannot
 * send (it derives `Host` from the URL). The conformance checks need exactly that to see whether an
 * endpoint trusts `Host` (or an absolute-form request line, `POST http://evil.example/...`) for its
 * own origin.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";

export interface HostRequest {
  /** Where to connect, e.g. "http://127.0.0.1:3000/api/upgrade/plans". */
  url: string;
  method: string;
  /** The `Host` header to send instead of the URL's. */
  host: string;
  /** Send the request line in absolute form, `http://{host}{path}`, instead of just the path. */
  absoluteForm?: boolean;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HostAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export function sendWithHost(options: HostRequest): Promise<HostAnswer> {
  const url = new URL(options.url);
  const path = `${url.pathname}${url.search}`;
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      {
        hostname: url.hostname,
        port: url.port,
        method: options.method,
        path: options.absoluteForm ? `${url.protocol}//${options.host}${path}` : path,
        headers: { ...options.headers, Host: options.host },
        timeout: options.timeoutMs,
        // Certificates are checked against the real server's name, not the Host sent.
        servername: url.hostname,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: toHeaders(response.headers),
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on("error", reject);
    request.end(options.body);
  });
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}
