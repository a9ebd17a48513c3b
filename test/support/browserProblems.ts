/**
 * What the browser suites' console guards share (issue 8: "zero console errors and zero unhandled
 * rejections across the browser test suites"): the problems a page can report, the rule that a test
 * fails on any of them, and the one way to accept one — an expected entry that names the log and
 * says why it is there. Runs in Node (e2e) and in the browser (the Storybook project).
 */

export type BrowserProblemKind =
  /** `console.error(…)` called by page code (React's own warnings and caught render errors too). */
  | "console.error"
  /** An exception nobody caught (`window` "error" event; in e2e Playwright's "pageerror", which unhandled rejections reach too). */
  | "uncaught error"
  /** A rejected promise nobody handled (`window` "unhandledrejection"). */
  | "unhandled rejection"
  /** An error Chromium itself logs: "Failed to load resource: …", CSP violations, … */
  | "browser log";

export interface BrowserProblem {
  kind: BrowserProblemKind;
  /** The message, with the resource URL for a browser log. */
  text: string;
  /** Where it happened: the test or story running when it was seen, or the page. */
  during?: string;
}

/** A problem a test means to cause. Each must be seen (else the test fails: the log it names never came). */
export interface ExpectedBrowserProblem {
  kind: BrowserProblemKind;
  /** Matched against the problem's text. */
  match: RegExp;
  /** Why this log is deliberate; shown when the entry goes unused. */
  reason: string;
}

export interface BrowserProblemVerdict {
  /** Problems no expected entry accounts for: each fails the test. */
  unexpected: BrowserProblem[];
  /** Expected entries no problem matched. */
  missing: ExpectedBrowserProblem[];
}

export function judgeBrowserProblems(problems: readonly BrowserProblem[], expected: readonly ExpectedBrowserProblem[] = []): BrowserProblemVerdict {
  const matches = (entry: ExpectedBrowserProblem, problem: BrowserProblem) => entry.kind === problem.kind && entry.match.test(problem.text);
  return {
    unexpected: problems.filter((problem) => !expected.some((entry) => matches(entry, problem))),
    missing: expected.filter((entry) => !problems.some((problem) => matches(entry, problem))),
  };
}

/** The failure message for a verdict, or null when the test is clean. */
export function describeBrowserProblems(verdict: BrowserProblemVerdict): string | null {
  if (verdict.unexpected.length === 0 && verdict.missing.length === 0) return null;
  const lines: string[] = [];
  if (verdict.unexpected.length > 0) {
    lines.push(`${verdict.unexpected.length} console error(s), uncaught error(s) or unhandled rejection(s) in the browser:`);
    for (const problem of verdict.unexpected) {
      lines.push(`  - ${problem.kind}${problem.during ? ` (during ${problem.during})` : ""}: ${indent(problem.text)}`);
    }
  }
  if (verdict.missing.length > 0) {
    lines.push(`${verdict.missing.length} expected browser problem(s) never came:`);
    for (const entry of verdict.missing) lines.push(`  - ${entry.kind} matching ${entry.match} (${entry.reason})`);
  }
  return lines.join("\n");
}

/** Throws with every problem in the message unless the verdict is clean. */
export function assertNoBrowserProblems(problems: readonly BrowserProblem[], expected: readonly ExpectedBrowserProblem[] = []): void {
  const message = describeBrowserProblems(judgeBrowserProblems(problems, expected));
  if (message) throw new BrowserProblemsError(message);
}

export class BrowserProblemsError extends Error {
  override name = "BrowserProblemsError";
}

/** What the guards read of a Playwright `ConsoleMessage`. */
export interface ConsoleMessageLike {
  type(): string;
  text(): string;
  args(): readonly unknown[];
  location(): { url: string };
}

/** A Playwright console message as a problem: an error from the console API or Chromium's own error log; null for the rest. */
export function consoleMessageProblem(message: ConsoleMessageLike): BrowserProblem | null {
  if (message.type() !== "error" && message.type() !== "assert") return null;
  // A console API call carries its arguments; Chromium's own log entries (network, CSP, …) carry none.
  if (message.args().length > 0) return { kind: "console.error", text: message.text() };
  const { url } = message.location();
  return { kind: "browser log", text: url ? `${message.text()} (${url})` : message.text() };
}

/** Formats `console.error` arguments as the console would (an Error by its stack). */
export function formatConsoleArguments(args: readonly unknown[]): string {
  return args.map(formatValue).join(" ");
}

export function formatValue(value: unknown): string {
  if (value instanceof Error) return value.stack?.includes(value.message) ? value.stack : `${value.name}: ${value.message}\n${value.stack ?? ""}`;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const MAX_LINES = 12;
/**
 * A page's stack frames quoted under the problem: each line behind a "|", so that they are not
 * taken for the failure's own stack (Vitest would look for source maps of the page's URLs).
 */
function indent(text: string): string {
  const lines = text.split("\n");
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more line(s)`] : lines;
  return shown.join("\n      | ");
}
