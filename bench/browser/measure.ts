/**
 * One bench scenario in a real Chromium: open the page, wait for the plan cards, read what the page
 * recorded (its requests by Resource Timing, React commits by the Profiler, when the cards appeared,
 * PlanCard renders by a React DevTools hook), change one card's quantity, then click Upgrade and
 * time the checkout navigation.
 *
 * Times come from the page's own clock (performance.now(), whose origin is the navigation start).
 * Counts and round trips (time / injected latency) are what budgets use; milliseconds are for reading.
 */
import type { Browser, Page, Request } from "playwright-core";
import type { BenchCommit } from "./page/main.js";
import type { BenchServer, RenderMode } from "./benchServer.js";

export interface Scenario {
  id: string;
  label: string;
  catalogId: string;
  mode: RenderMode;
}

/** One page load. */
export interface ScenarioRun {
  cards: number;
  /** Requests to the endpoint started before the cards were in the document. */
  requestsBeforeVisible: number;
  /** Longest chain of those requests where each starts after the previous one answered (0: none). */
  waterfallDepth: number;
  /** Navigation start → first frame with the cards. */
  visibleMs: number;
  /** Navigation start → the HTML is received (server-rendered: after the server rendered it). */
  documentMs: number;
  /** Navigation start → the bench script runs (the page's own load, the same for every library). */
  scriptMs: number | null;
  /** React commits up to and including the one that showed the cards (hydration: 1). */
  commitsToVisible: number;
  /** React commits once the page settled (latency × 3 after the cards). */
  commitsSettled: number;
  /** Requests to the endpoint after the cards were shown, until settled (refetches). */
  requestsAfterVisible: number;
  /** Requests to the endpoint between the click on Upgrade and the checkout navigation. */
  clickRequests: number;
  /**
   * Longest chain among every request (endpoint and any code loaded on the way) between the click
   * and the checkout navigation: 1 when the POST is the only round trip.
   */
  clickWaterfallDepth: number;
  /** Click on Upgrade → the checkout navigation's request is sent. */
  clickToNavigationMs: number;
  /** PlanCard renders until settled (one per card when nothing renders twice). */
  mountCardRenders: number;
  /** PlanCard renders caused by one "+" on a per-seat card (1: that card only). */
  quantityCardRenders: number;
}

export interface ResourceEntry {
  path: string;
  start: number;
  end: number;
}

/** What installProbes sees of a React fiber. */
interface Fiber {
  type: unknown;
  flags: number;
  alternate: Fiber | null;
  child: Fiber | null;
  sibling: Fiber | null;
  memoizedProps: Record<string, unknown> | null;
}

declare global {
  interface Window {
    __benchVisible: { insertedAt: number | null; frameAt: number | null };
    /** PlanCard renders, one number per React commit. */
    __benchCardRenders: number[];
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
  }
}

/**
 * Runs in every document before its own scripts: notes when the first plan card is inserted, and
 * counts PlanCard renders per commit through the hook React offers its DevTools (production and
 * profiling builds call it too). Read as the DevTools do: a subtree whose child list is the previous
 * commit's was not visited; in a visited one, a component rendered when it is new or has React's
 * PerformedWork flag (a memo bail-out has not). A PlanCard is the component whose element is the
 * `<article data-plan-id>`.
 */
function installProbes() {
  const state: Window["__benchVisible"] = { insertedAt: null, frameAt: null };
  window.__benchVisible = state;
  const cardRenders: number[] = (window.__benchCardRenders = []);
  const PERFORMED_WORK = 1;
  const countCardRenders = (next: Fiber): number => {
    const previous = next.alternate;
    const element = next.child;
    const isPlanCard = typeof next.type !== "string" && element?.type === "article" && element.memoizedProps?.["data-plan-id"] !== undefined;
    let count = isPlanCard && (previous === null || (next.flags & PERFORMED_WORK) !== 0) ? 1 : 0;
    if (previous !== null && next.child === previous.child) return count;
    for (let child = next.child; child !== null; child = child.sibling) count += countCardRenders(child);
    return count;
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    inject: () => 1,
    onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => cardRenders.push(countCardRenders(root.current)),
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    checkDCE: () => undefined,
  };
  const observer = new MutationObserver(() => {
    if (state.insertedAt !== null || !document.querySelector("[data-plan-id]")) return;
    state.insertedAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      state.frameAt = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
  // Read back by the next document (the checkout page), on the same clock (timeOrigin + now).
  document.addEventListener("click", () => sessionStorage.setItem("bench:click", String(performance.timeOrigin + performance.now())), true);
}

/** installProbes as an init script for a page. */
export function probeScript(): string {
  // As source: tsx (esbuild's keepNames) wraps named inner functions in __name(), so the page gets one.
  return `(() => { const __name = (target) => target; (${installProbes.toString()})(); })();`;
}

/** Depth of the longest chain of requests each started after the one before it answered. */
export function waterfallDepth(requests: readonly ResourceEntry[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depths: number[] = [];
  sorted.forEach((request, index) => {
    let before = 0;
    for (let other = 0; other < index; other++) {
      if (sorted[other]!.end <= request.start) before = Math.max(before, depths[other]!);
    }
    depths.push(before + 1);
  });
  return Math.max(0, ...depths);
}

const isApi = (url: string) => new URL(url).pathname.startsWith("/api/");

export async function runScenario(browser: Browser, server: BenchServer, scenario: Scenario): Promise<ScenarioRun> {
  server.reset();
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: probeScript() });
    await page.goto(server.pageUrl(scenario.catalogId, scenario.mode), { waitUntil: "commit" });
    await page.waitForFunction(() => window.__benchVisible?.frameAt != null, null, { timeout: 15_000 });
    // Server-rendered cards are visible before React runs: wait for it (hydration) too.
    await page.waitForFunction(() => window.__benchCommits?.length > 0, null, { timeout: 15_000 });
    await page.waitForTimeout(Math.max(300, server.latencyMs * 3));
    const loaded = await page.evaluate(() => ({
      visible: window.__benchVisible,
      cards: document.querySelectorAll("[data-plan-id]").length,
      document: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseEnd,
      script: performance.getEntriesByName("bench:script")[0]?.startTime ?? null,
      commits: window.__benchCommits ?? [],
      resources: performance
        .getEntriesByType("resource")
        .map((entry) => ({ name: entry.name, start: entry.startTime, end: (entry as PerformanceResourceTiming).responseEnd })),
    }));
    const insertedAt = loaded.visible.insertedAt!;
    const api = loaded.resources.filter((entry) => isApi(entry.name)).map((entry) => ({ path: new URL(entry.name).pathname, start: entry.start, end: entry.end }));
    const beforeVisible = api.filter((entry) => entry.start < insertedAt);
    const firstWithCards = loaded.commits.findIndex((commit: BenchCommit) => commit.cards > 0);
    const mountCardRenders = await page.evaluate(() => window.__benchCardRenders.reduce((sum, count) => sum + count, 0));

    const quantityCardRenders = await changeOneQuantity(page);
    const click = await clickUpgrade(page);
    return {
      cards: loaded.cards,
      requestsBeforeVisible: beforeVisible.length,
      waterfallDepth: waterfallDepth(beforeVisible),
      visibleMs: loaded.visible.frameAt!,
      documentMs: loaded.document,
      scriptMs: loaded.script,
      commitsToVisible: firstWithCards + 1,
      commitsSettled: loaded.commits.length,
      requestsAfterVisible: api.length - beforeVisible.length,
      mountCardRenders,
      quantityCardRenders,
      ...click,
    };
  } finally {
    await context.close();
  }
}

/** "+" on the first per-seat card; the PlanCard renders of the commits it caused. */
async function changeOneQuantity(page: Page): Promise<number> {
  const before = await page.evaluate(() => window.__benchCardRenders.length);
  await page.locator("[data-plan-id] .ruk-stepper").first().getByRole("button").nth(1).click();
  await page.waitForFunction((count) => window.__benchCardRenders.length > count, before);
  // Anything the change scheduled after its first commit (effects, transitions) lands too.
  await page.waitForTimeout(100);
  return page.evaluate((count) => window.__benchCardRenders.slice(count).reduce((sum, renders) => sum + renders, 0), before);
}

async function clickUpgrade(page: Page): Promise<Pick<ScenarioRun, "clickRequests" | "clickWaterfallDepth" | "clickToNavigationMs">> {
  let clicked = false;
  let navigated = false;
  let clickRequests = 0;
  const beforeNavigation: Request[] = [];
  page.on("request", (request) => {
    if (!clicked || navigated) return;
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigated = true;
    else {
      beforeNavigation.push(request);
      if (isApi(request.url())) clickRequests++;
    }
  });
  clicked = true;
  await page.locator('[data-intent="UPGRADE"] button').first().click();
  await page.waitForURL(/\/checkout\/[^/]+$/, { timeout: 15_000 });
  const clickToNavigationMs = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return performance.timeOrigin + navigation.requestStart - Number(sessionStorage.getItem("bench:click"));
  });
  // Playwright's timing: startTime in epoch ms, responseEnd in ms after it.
  const chain = await Promise.all(
    beforeNavigation.map(async (request) => {
      await request.response();
      const { startTime, responseEnd } = request.timing();
      return { path: new URL(request.url()).pathname, start: startTime, end: startTime + responseEnd };
    }),
  );
  return { clickRequests, clickWaterfallDepth: waterfallDepth(chain), clickToNavigationMs };
}
