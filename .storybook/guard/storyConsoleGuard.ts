/**
 * The Storybook project's console guard, in the page that renders the stories (see vitest.setup.ts,
 * which runs it around every story): every `console.error`, uncaught error and unhandled rejection
 * in the page, and every error Chromium itself logs there ("Failed to load resource: …", through
 * the `takeChromiumErrorLog` command), is recorded until the next check.
 */
import { commands } from "vitest/browser";
import {
  assertNoBrowserProblems,
  formatConsoleArguments,
  formatValue,
  type BrowserProblem,
  type ExpectedBrowserProblem,
} from "../../test/support/browserProblems.js";

declare module "vitest/browser" {
  interface BrowserCommands {
    /** Chromium's own error log entries since the last call (chromiumErrorLog.ts, registered in vite.config.ts). */
    takeChromiumErrorLog: () => Promise<BrowserProblem[]>;
  }
}

/** A story's `parameters.consoleGuard`: the problems it causes on purpose, each with its reason. */
export interface ConsoleGuardParameters {
  expected?: ExpectedBrowserProblem[];
}

let problems: BrowserProblem[] = [];
let currentStory: string | undefined;

const during = () => currentStory ?? "no story (before, between or after the stories)";
const record = (problem: BrowserProblem) => {
  problems.push({ ...problem, during: problem.during ?? during() });
};

/**
 * A `console.error` made while the window dispatches an error or unhandledrejection event: Vitest's
 * own listener logs the event again that way once the page has a listener of its own (ours, below),
 * and ours records the event itself; the echo is not a second problem.
 */
const echoesWindowError = () => {
  const event = window.event;
  return event !== undefined && event.target === window && (event.type === "error" || event.type === "unhandledrejection");
};

const pageConsoleError = console.error;
console.error = function guardedConsoleError(this: Console, ...args: unknown[]) {
  if (!echoesWindowError()) record({ kind: "console.error", text: formatConsoleArguments(args) });
  return pageConsoleError.apply(this, args);
};

window.addEventListener("error", (event) => {
  record({ kind: "uncaught error", text: formatValue(event.error ?? event.message) });
});
window.addEventListener("unhandledrejection", (event) => {
  record({ kind: "unhandled rejection", text: formatValue(event.reason) });
});

export function setCurrentStory(name: string | undefined): void {
  currentStory = name;
}

/** Collects what Chromium logged in this page since the last call (the first call starts watching). */
export async function collectChromiumLog(): Promise<void> {
  for (const entry of await commands.takeChromiumErrorLog()) record(entry);
}

/** What runs after each story: rejects with every problem seen since the last check unless expected. */
export async function checkStoryConsole(expected: readonly ExpectedBrowserProblem[] = []): Promise<void> {
  await collectChromiumLog();
  const seen = problems;
  problems = [];
  assertNoBrowserProblems(seen, expected);
}

/** The story the guard is watching (set by vitest.setup.ts's beforeEach; its self-test looks). */
export function currentStoryName(): string | undefined {
  return currentStory;
}
