/** The conformance report as the CLI prints it: one aligned row per check, then the totals. */
import type { ConformanceReport, ConformanceStatus } from "./runConformanceChecks.js";

const LABEL: Record<ConformanceStatus, string> = { pass: "PASS", fail: "FAIL", skip: "SKIP" };

export function formatConformanceReport(report: ConformanceReport): string {
  const width = Math.max(...report.checks.map((check) => check.name.length));
  const rows = report.checks.map((check) => `  ${LABEL[check.status]}  ${check.name.padEnd(width)}  ${check.detail}`);
  const count = (status: ConformanceStatus) => report.checks.filter((check) => check.status === status).length;
  return [
    `react-upgrade-kit check ${report.endpoint}`,
    "",
    `  ${"".padEnd(4)}  ${"CHECK".padEnd(width)}  DETAIL`,
    ...rows,
    "",
    `${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped`,
    verdict(report.passed, count("skip")),
    "",
  ].join("\n");
}

function verdict(passed: boolean, skipped: number): string {
  if (!passed) return "The endpoint does not follow the contract: see FAIL above.";
  if (skipped > 0) return `No check failed, but ${skipped} could not run: see SKIP above.`;
  return "The endpoint follows the contract.";
}
