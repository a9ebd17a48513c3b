/**
 * A strong ETag for a text body: a 64-bit FNV-1a hash of its UTF-16 code units (two 32-bit lanes)
 * and its length. Not cryptographic, and need not be: it only tells a browser whether its copy is
 * still the current one, and two different catalogs share one with a chance of about 2^-64.
 * Plain JavaScript, so the handler stays runtime-neutral (no node:crypto, no async digest).
 */
export function etagOf(text: string): string {
  const [low, high] = fnv64(text);
  return `"${low.toString(36)}${high.toString(36)}-${text.length.toString(36)}"`;
}

function fnv64(text: string): [number, number] {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    low = Math.imul(low ^ unit, 0x01000193);
    high = Math.imul(high ^ (unit + index), 0x01000193);
  }
  return [low >>> 0, high >>> 0];
}

/**
 * Whether an `If-None-Match` header names `etag` (RFC 9110: weak comparison, so `W/"x"` matches
 * `"x"`; `*` matches any current answer).
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (header === null) return false;
  for (const candidate of header.split(",")) {
    const tag = candidate.trim();
    if (tag === "*" || tag === etag || (tag.startsWith("W/") && tag.slice(2) === etag)) return true;
  }
  return false;
}
