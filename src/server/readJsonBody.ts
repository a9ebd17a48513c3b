/**
 * Reads a request body as JSON, within a size limit, without trusting Content-Length: the stream
 * is counted as it arrives and abandoned as soon as it passes the limit.
 */
export type JsonBodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "INVALID_JSON"; message: string };

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

  const declaredLength = Number(request.headers.get("content-length"));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) return tooLarge;

  const bytes = new Uint8Array(maxBytes);
  let length = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.byteLength > maxBytes) {
        await reader.cancel();
        return tooLarge;
      }
      bytes.set(value, length);
      length += value.byteLength;
    }
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length));
  } catch {
    return { ok: false, status: 400, code: "INVALID_JSON", message: "Request body is not valid UTF-8." };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: "INVALID_JSON", message: "Request body is not valid JSON." };
  }
}
