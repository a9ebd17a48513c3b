/**
 * `GET {basePath}/plans`: the public catalog, or the signed-in customer's paywall.
 *
 * The answer is serialized once per catalog, not per request: a backend that can hand out its
 * plans as JSON text (the memory backend, whose catalog is fixed at creation) is asked for that
 * text, and the body and its ETag are kept per text; any other backend's plans are serialized
 * each time. Every answer has an `ETag` (a hash of the body, so it changes with anything the
 * answer depends on: the catalog, `productId`, the customer's paywall) and an `If-None-Match`
 * naming it is answered 304 without a body.
 */
import type { Plan } from "../core/contract.js";
import type { PlansQuery, UpgradeBackend } from "./backend.js";
import { etagOf, ifNoneMatchHits } from "./etag.js";
import { jsonTextResponse, type HttpAnswer } from "./httpResponses.js";
import { identityOf, type Identify } from "./identify.js";
import { plansJsonOf } from "./plansJson.js";

export interface PlansRouteContext {
  backend: Pick<UpgradeBackend, "getPlans">;
  identify: Identify;
  /** Told when `identify` throws; the request is then answered as an anonymous one. */
  onError?: (error: unknown, request: Request) => void;
  /** `"revalidate"`: `Cache-Control: private, no-cache`; else `no-store` (see `plansCaching`). */
  caching: "no-store" | "revalidate";
  serialized: PlansSerializer;
}

/** Plans answers (body and ETag) kept per catalog JSON text. */
export interface PlansSerializer {
  fromText(plansJson: string): { body: string; etag: string };
  fromPlans(plans: Plan[]): { body: string; etag: string };
}

/** Distinct catalog texts kept (one per productId for the memory backend); the oldest goes first. */
const MAX_KEPT_ANSWERS = 64;

export function createPlansSerializer(): PlansSerializer {
  const kept = new Map<string, { body: string; etag: string }>();
  return {
    fromText(plansJson) {
      let answer = kept.get(plansJson);
      if (!answer) {
        const body = `{"plans":${plansJson}}`;
        answer = { body, etag: etagOf(body) };
        kept.set(plansJson, answer);
        if (kept.size > MAX_KEPT_ANSWERS) kept.delete(kept.keys().next().value as string);
      }
      return answer;
    },
    fromPlans(plans) {
      const body = JSON.stringify({ plans });
      return { body, etag: etagOf(body) };
    },
  };
}

export async function answerPlans(context: PlansRouteContext, request: Request, url: URL): Promise<HttpAnswer> {
  const query: PlansQuery = {};
  const productId = url.searchParams.get("productId");
  if (productId) query.productId = productId;
  // Plans are public; a signed-in request also says whose paywall it is. A failing `identify`
  // (an expired session that throws) is reported and the public plans are answered, as before
  // plans asked who was signed in.
  try {
    const identity = await identityOf(context.identify, request);
    if (identity) query.customerId = identity.customerId;
  } catch (error) {
    context.onError?.(error, request);
  }
  const text = plansJsonOf(context.backend, query);
  const { body, etag } =
    text === undefined ? context.serialized.fromPlans(await context.backend.getPlans(query)) : context.serialized.fromText(await text);
  const headers: Record<string, string> = { ETag: etag };
  if (context.caching === "revalidate") headers["Cache-Control"] = "private, no-cache";
  const answer = jsonTextResponse(200, body, headers);
  if (ifNoneMatchHits(request.headers.get("if-none-match"), etag)) {
    // 304 carries what a 200 would have said about caching (RFC 9110 15.4.5), and no body.
    delete answer.headers["Content-Type"];
    return { status: 304, headers: answer.headers, body: null };
  }
  return answer;
}
