/**
 * Reads a request body as JSON, within a size limit, without trusting Content-Length: the stream
 * is counted as it arrives and abandoned as soon as it passes the limit. A body the Node adapter
 * read into memory already (a `NodeRequest`'s) is taken as it is, with the same checks.
 */
import { NodeRequest } from "./nodeRequest.js";

export type JsonBodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "INVALID_JSON"; message: string };

/** Stateless between calls (`fatal`, no `stream` option), so one serves every request. */
const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBodyResult> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return { ok: false, status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "Content-Type must be application/json." };
  }
  const tooLarge = {
    ok: false,
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    message: `Request body must be at most ${maxBytes} bytes.`,
  } as const;

  const declaredLength = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) return tooLarge;

  const buffered = NodeRequest.takeBytes(request);
  let bytes: Uint8Array;
  if (buffered !== undefined) {
    if (buffered.byteLength > maxBytes) return tooLarge;
    bytes = buffered;
  } else {
    const read = await readCounted(request, maxBytes, Number.isInteger(declaredLength) && declaredLength >= 0 ? declaredLength : undefined);
    if (read === undefined) return tooLarge;
    bytes = read;
  }

  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, status: 400, code: "INVALID_JSON", message: "Request body is not valid UTF-8." };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: "INVALID_JSON", message: "Request body is not valid JSON." };
  }
}

/**
 * The body's bytes, or `undefined` once they pass `maxBytes`. With a declared length the buffer
 * is that size (grown should more arrive); without one, chunks are joined once at the end. Never
 * a buffer of `maxBytes` for a body of a few hundred bytes.
 */
async function readCounted(request: Request, maxBytes: number, declaredLength: number | undefined): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  let buffer = new Uint8Array(declaredLength ?? 0);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    if (length + value.byteLength > buffer.byteLength) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(2 * buffer.byteLength, length + value.byteLength, 1024)));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length += value.byteLength;
  }
  return buffer.subarray(0, length);
}
