/**
 * The backend behind every story: msw (started by msw-storybook-addon) hands each request to the
 * real `createUpgradeHandler` + `createMemoryBackend` (demo/demoBackend.ts, as `npm start` uses).
 *
 * Each story gets its own backend under its own endpoint (`/sb-api/{storyId}/api/upgrade`), made
 * fresh each time the story loads. So stories never see each other's purchases, and the docs page,
 * which renders many stories at once, shows each in its own state. A story can force a state with
 * msw handlers of its own (`parameters.upgradeKit.handlers`); they see only that story's requests,
 * and a request they do not answer goes on to the real backend.
 */
import { getResponse, http, HttpResponse, type RequestHandler } from "msw";
import type { Customer, EmbeddedCheckout, Plan } from "../../src/index.js";
import { DEMO_CUSTOMER_ID } from "../../demo/catalog.js";
import { createDemoBackend, DEMO_BASE_PATH } from "../../demo/demoBackend.js";

export interface UpgradeKitParameters {
  /** The signed-in customer; `null` for a visitor. Default: the demo customer. */
  customerId?: string | null;
  /** The backend's customers at the start of the story. Default: the demo customer on Free. */
  customers?: Customer[];
  /** The catalog. Default: the demo catalog. */
  plans?: Plan[];
  /**
   * Made fresh per story load, so handlers may keep state (e.g. "fail the first request"). `backend`
   * is the story's real backend, for a handler that lets a request through and then changes what
   * the browser gets (e.g. the answer lost on the way back).
   */
  handlers?: (story: { backend: (request: Request) => Promise<Response> }) => RequestHandler[];
  /** Locale for the provider. */
  locale?: string;
  /**
   * Embedded checkout for the provider (`<StiggProvider checkout>`), made once per story load with the
   * story's endpoint (where its backend serves the dev checkout). Default: none, so checkouts redirect.
   */
  checkout?: (story: { endpoint: string }) => EmbeddedCheckout;
}

/** A story's `parameters`, typed: `parameters: upgradeKit({ customerId: null })`. */
export function upgradeKit(parameters: UpgradeKitParameters): { upgradeKit: UpgradeKitParameters } {
  return { upgradeKit: parameters };
}

const STORY_API_PREFIX = "/sb-api";

interface StoryBackend {
  handler: (request: Request) => Promise<Response>;
  overrides: RequestHandler[];
}

const backends = new Map<string, StoryBackend>();

export function storyEndpoint(storyId: string): string {
  return `${STORY_API_PREFIX}/${storyId}${DEMO_BASE_PATH}`;
}

/** A path pattern for a story's own msw handlers, e.g. `http.get(storyApi("/plans"), …)`. */
export function storyApi(route: string): string {
  return `*${DEMO_BASE_PATH}${route}`;
}

/** Gives the story a fresh backend (and its handlers) before it renders. */
export function mountStoryBackend(storyId: string, parameters: UpgradeKitParameters = {}): void {
  const customerId = parameters.customerId === undefined ? DEMO_CUSTOMER_ID : parameters.customerId;
  const { handler } = createDemoBackend({
    plans: parameters.plans,
    customers: parameters.customers,
    basePath: storyEndpoint(storyId),
    // The handler runs in the page (msw), whose origin is the one the stories are served on.
    publicOrigin: window.location.origin,
    signedInCustomerId: () => customerId,
  });
  backends.set(storyId, { handler, overrides: parameters.handlers?.({ backend: handler }) ?? [] });
}

/** The one msw handler the worker starts with: routes a story's requests to its backend. */
export const storyBackendHandler = http.all(`${STORY_API_PREFIX}/:storyId/*`, async ({ request, params }) => {
  const backend = backends.get(String(params.storyId));
  if (!backend) {
    return HttpResponse.json({ error: { code: "NO_STORY_BACKEND", message: `No backend for story ${String(params.storyId)}` } }, { status: 404 });
  }
  return (await getResponse(backend.overrides, request)) ?? backend.handler(request);
});
