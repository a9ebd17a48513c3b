/**
 * The bench's scaling scenarios: how long one interaction takes from the input event to the next
 * paint, at 4× CPU throttle, on paywalls of 3 (the baseline), 10, 100 and 300 plans.
 *
 * Every catalog's page is open at once (each in its own browser context, so its own renderer), and
 * the interactions go round-robin over them: a seat "+" (or "−") on one per-seat card, then a
 * billing-period switch. A busy machine slows the 3-plan page and the 300-plan page alike, so the
 * ratios to the baseline and the cost per extra plan hold where the milliseconds do not.
 *
 * Event to paint: from the click event's timeStamp to after the frame that follows the first React
 * commit the click caused (a rAF callback, then a message posted from it: the frame's style, layout
 * and paint are done by then). Times are medians of `rounds` interactions per page and kind.
 */
import type { Browser, Page } from "playwright-core";
import type { BenchServer } from "./benchServer.js";
import { scalingCatalogs } from "./catalogs.js";
import { probeScript } from "./measure.js";

/** What the scaling scenarios record of one interaction. */
export interface InteractionSample {
  /** Click event → after the next paint following its first commit. */
  ms: number;
  /** PlanCard renders in the commits it caused. */
  cardRenders: number;
}

export interface ScalingResult {
  catalogId: string;
  plans: number;
  cards: number;
  /** Median ms, click → paint, of one seat +1 / −1 on the first per-seat card. */
  seatChangeMs: number;
  /** Median ms, click → paint, of a billing-period switch. */
  periodSwitchMs: number;
  /** Every sample, in order. */
  seatChangeSamples: number[];
  periodSwitchSamples: number[];
  /** Worst count of PlanCard renders of one seat change (1: that card only). */
  seatChangeCardRenders: number;
  /** seatChangeMs / the baseline's (1 for the baseline). */
  seatChangeRatio: number;
  periodSwitchRatio: number;
  /** (ms − the baseline's ms) / (plans − the baseline's plans); null for the baseline. */
  seatChangeMsPerExtraPlan: number | null;
  periodSwitchMsPerExtraPlan: number | null;
}

export interface ScalingReport {
  /** CPU throttling rate (Emulation.setCPUThrottlingRate). */
  cpuThrottle: number;
  rounds: number;
  /** The baseline's catalog id (the smallest catalog). */
  baselineId: string;
  results: ScalingResult[];
}

export interface ScalingOptions {
  cpuThrottle?: number;
  /** Interactions of each kind per page. */
  rounds?: number;
  /** Only these plan counts (the smallest is the baseline). */
  planCounts?: number[];
}

declare global {
  interface Window {
    __benchInteractions: InteractionSample[];
    /** The sample at `index`, once there is one. */
    __benchInteraction: (index: number) => Promise<InteractionSample>;
  }
}

/**
 * Runs in the page before its scripts, after measure.ts's probes (it wraps their DevTools hook):
 * times each click to the paint after the commit it caused, and counts that commit's PlanCard renders.
 */
function installInteractionProbe() {
  const samples: InteractionSample[] = (window.__benchInteractions = []);
  let pending: { start: number; rendersBefore: number } | null = null;
  let measuring = false;
  window.__benchInteraction = (index) =>
    new Promise((resolve) => {
      const check = () => (samples.length > index ? resolve(samples[index]!) : setTimeout(check, 10));
      check();
    });
  document.addEventListener(
    "click",
    (event) => {
      pending = { start: event.timeStamp, rendersBefore: window.__benchCardRenders.length };
    },
    true,
  );
  const hook = window.__REACT_DEVTOOLS_GLOBAL_HOOK__ as { onCommitFiberRoot: (...args: unknown[]) => void };
  const onCommit = hook.onCommitFiberRoot;
  hook.onCommitFiberRoot = (...args: unknown[]) => {
    onCommit(...args);
    const interaction = pending;
    if (interaction === null || measuring) return;
    measuring = true;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const renders = window.__benchCardRenders.slice(interaction.rendersBefore).reduce((sum, count) => sum + count, 0);
        samples.push({ ms: performance.now() - interaction.start, cardRenders: renders });
        pending = null;
        measuring = false;
      };
      channel.port2.postMessage(null);
    });
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

interface OpenPage {
  catalogId: string;
  plans: number;
  page: Page;
  cards: number;
  seat: InteractionSample[];
  period: InteractionSample[];
}

/** Clicks `target` and waits for the probe's sample of it. */
async function interact(open: OpenPage, click: () => Promise<void>): Promise<InteractionSample> {
  const before = await open.page.evaluate(() => window.__benchInteractions.length);
  await click();
  const sample = await open.page.evaluate((count) => window.__benchInteraction(count), before);
  // Whatever the interaction scheduled after its paint (passive effects) lands before the next one.
  await open.page.waitForTimeout(50);
  return sample;
}

async function openCatalog(browser: Browser, server: BenchServer, catalogId: string, plans: number, cpuThrottle: number): Promise<OpenPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({ content: probeScript() });
  await page.addInitScript({ content: `(() => { const __name = (target) => target; (${installInteractionProbe.toString()})(); })();` });
  await page.goto(server.pageUrl(catalogId, "csr"));
  await page.locator("[data-plan-id]").first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(200);
  const cards = await page.locator("[data-plan-id]").count();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuThrottle });
  return { catalogId, plans, page, cards, seat: [], period: [] };
}

export async function runScalingBench(browser: Browser, server: BenchServer, options: ScalingOptions = {}): Promise<ScalingReport> {
  const cpuThrottle = options.cpuThrottle ?? 4;
  const rounds = options.rounds ?? 7;
  const catalogs = scalingCatalogs.filter((catalog) => !options.planCounts || options.planCounts.includes(catalog.plans.length));
  const pages: OpenPage[] = [];
  try {
    for (const catalog of catalogs) pages.push(await openCatalog(browser, server, catalog.id, catalog.plans.length, cpuThrottle));
    for (let index = 0; index < rounds; index++) {
      for (const open of pages) {
        // + then −, so the quantity stays within the price's range however many rounds run.
        const stepper = open.page.locator('[data-plan-id="plan-02"] .ruk-stepper button');
        open.seat.push(await interact(open, () => stepper.nth(index % 2 === 0 ? 1 : 0).click()));
      }
      for (const open of pages) {
        const period = index % 2 === 0 ? "ANNUALLY" : "MONTHLY";
        open.period.push(await interact(open, () => open.page.locator(`input[type="radio"][value="${period}"]`).click()));
      }
    }
  } finally {
    await Promise.all(pages.map((open) => open.page.context().close()));
  }

  const baseline = pages[0]!;
  const results = pages.map((open): ScalingResult => {
    const seatChangeMs = median(open.seat.map((sample) => sample.ms));
    const periodSwitchMs = median(open.period.map((sample) => sample.ms));
    const baseSeat = median(baseline.seat.map((sample) => sample.ms));
    const basePeriod = median(baseline.period.map((sample) => sample.ms));
    const extraPlans = open.plans - baseline.plans;
    return {
      catalogId: open.catalogId,
      plans: open.plans,
      cards: open.cards,
      seatChangeMs: round(seatChangeMs, 1),
      periodSwitchMs: round(periodSwitchMs, 1),
      seatChangeSamples: open.seat.map((sample) => round(sample.ms, 1)),
      periodSwitchSamples: open.period.map((sample) => round(sample.ms, 1)),
      seatChangeCardRenders: Math.max(...open.seat.map((sample) => sample.cardRenders)),
      seatChangeRatio: round(seatChangeMs / baseSeat),
      periodSwitchRatio: round(periodSwitchMs / basePeriod),
      seatChangeMsPerExtraPlan: extraPlans > 0 ? round((seatChangeMs - baseSeat) / extraPlans, 3) : null,
      periodSwitchMsPerExtraPlan: extraPlans > 0 ? round((periodSwitchMs - basePeriod) / extraPlans, 3) : null,
    };
  });
  return { cpuThrottle, rounds, baselineId: baseline.catalogId, results };
}
