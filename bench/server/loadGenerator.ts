/**
 * A keep-alive HTTP/1.1 load generator: `connections` sockets, one request in flight on each, for a
 * fixed duration; counts answered requests per second and their statuses.
 *
 * It speaks HTTP over `node:net` with pre-built request bytes and a minimal response parser
 * (status line, Content-Length or chunked), not through `http.request`: node's own client costs
 * more per request than a bare node:http server, so with it the client would be the bottleneck
 * and every server would look alike. The server runs in another process (see serverBench.ts), so
 * on a 2-core machine the client has one core and the server the other.
 */
import { connect, type Socket } from "node:net";

export interface LoadOptions {
  port: number;
  host?: string;
  connections: number;
  durationMs: number;
  /** The bytes of the `index`-th request (the whole request: line, headers, body). */
  request: (index: number) => Buffer;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  durationMs: number;
  /** How many answers had each status. */
  statuses: Record<number, number>;
}

const CRLF_CRLF = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/** Bytes of one request; `body` gets its Content-Length. */
export function httpRequest(method: string, path: string, headers: Record<string, string>, body?: string): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, "Host: 127.0.0.1", "Connection: keep-alive"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body ?? ""}`);
}

/**
 * Parses one response off the front of `buffer`: its status and length in bytes, or null when it
 * has not fully arrived yet. `HEAD`-less, 1xx-less: what the bench servers send.
 */
export function parseResponse(buffer: Buffer): { status: number; length: number } | null {
  const headerEnd = buffer.indexOf(CRLF_CRLF);
  if (headerEnd < 0) return null;
  const head = buffer.toString("latin1", 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headerEnd + 4;
  const lengthMatch = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (lengthMatch) {
    const end = bodyStart + Number(lengthMatch[1]);
    return buffer.length >= end ? { status, length: end } : null;
  }
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
    let at = bodyStart;
    for (;;) {
      const lineEnd = buffer.indexOf(CRLF, at);
      if (lineEnd < 0) return null;
      const size = parseInt(buffer.toString("latin1", at, lineEnd), 16);
      const next = lineEnd + 2 + size + 2;
      if (buffer.length < next) return null;
      if (size === 0) return { status, length: next };
      at = next;
    }
  }
  // 204/304 and other bodiless answers.
  return { status, length: bodyStart };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { port, host = "127.0.0.1", connections, durationMs, request } = options;
  let issued = 0;
  let answered = 0;
  const statuses: Record<number, number> = {};
  const started = performance.now();
  const deadline = started + durationMs;
  let ended = started;

  function drive(socket: Socket): Promise<void> {
    return new Promise((resolve, reject) => {
      let pending: Buffer = Buffer.alloc(0);
      const send = () => {
        if (performance.now() >= deadline) {
          socket.end();
          resolve();
          return;
        }
        socket.write(request(issued++));
      };
      socket.on("data", (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        for (;;) {
          const parsed = parseResponse(pending);
          if (!parsed) return;
          answered += 1;
          statuses[parsed.status] = (statuses[parsed.status] ?? 0) + 1;
          pending = pending.subarray(parsed.length);
          ended = performance.now();
          send();
        }
      });
      socket.on("error", reject);
      socket.on("connect", send);
    });
  }

  const sockets = Array.from({ length: connections }, () => connect({ port, host, noDelay: true }));
  try {
    await Promise.all(sockets.map(drive));
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  const elapsed = Math.max(1, ended - started);
  return { requests: answered, requestsPerSecond: (answered / elapsed) * 1000, durationMs: elapsed, statuses };
}
