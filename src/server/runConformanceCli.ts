/**
 * `react-upgrade-kit check <endpoint-url> [--customer-id ID] [--header 'Name: value']...
 * [--plan-id ID] [--no-provision] [--flood] [--timeout MS]`: parses the arguments, runs the checks, prints
 * the table. Exit code 0 when every check passed or was skipped, 1 when one failed, 2 for a usage
 * error. Kept free of `process` so tests can run it in-process with their own output.
 */
import { formatConformanceReport } from "./formatConformanceReport.js";
import { runConformanceChecks, type ConformanceOptions } from "./runConformanceChecks.js";

export interface ConformanceCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  fetch?: ConformanceOptions["fetch"];
}

export const CONFORMANCE_USAGE = `Usage: react-upgrade-kit check <endpoint-url> [options]

Runs the react-upgrade-kit endpoint contract checks against a running backend.

  <endpoint-url>          the endpoint, e.g. http://127.0.0.1:3000/api/upgrade
  --customer-id ID        the customer the identity headers sign in
  --header 'Name: value'  sent on identified requests (repeatable), e.g. 'Cookie: session=...'
  --plan-id ID            the plan the provision checks buy (default: first FREE, else first PAID)
  --no-provision          skip the checks that provision for real
  --flood                 also check that one customer's idempotency records are bounded: sends
                          new-key provisions until a 429 (at most 1000; they provision for real)
  --timeout MS            per request (default 10000)

The provision checks create a subscription: run them against a development backend.
`;

type Parsed = { ok: true; options: ConformanceOptions } | { ok: false; message: string } | { ok: "help" };

export function parseConformanceArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") return { ok: "help" };
  if (command !== "check") return { ok: false, message: `unknown command "${command}"` };

  let endpoint: string | undefined;
  const headers: Record<string, string> = {};
  const options: Omit<ConformanceOptions, "endpoint"> = {};
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index]!;
    const value = () => {
      const next = rest[index + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      index += 1;
      return next;
    };
    try {
      if (arg === "--help" || arg === "-h") return { ok: "help" };
      else if (arg === "--customer-id") options.customerId = value();
      else if (arg === "--plan-id") options.planId = value();
      else if (arg === "--no-provision") options.provision = false;
      else if (arg === "--flood") options.flood = true;
      else if (arg === "--timeout") {
        const timeoutMs = Number(value());
        if (!(timeoutMs > 0)) return { ok: false, message: "--timeout must be a positive number of milliseconds" };
        options.timeoutMs = timeoutMs;
      } else if (arg === "--header" || arg === "-H") {
        const header = value();
        const colon = header.indexOf(":");
        if (colon <= 0) return { ok: false, message: `--header "${header}" is not "Name: value"` };
        headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
      } else if (arg.startsWith("-")) return { ok: false, message: `unknown option ${arg}` };
      else if (endpoint === undefined) endpoint = arg;
      else return { ok: false, message: `unexpected argument "${arg}"` };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }
  if (endpoint === undefined) return { ok: false, message: "missing <endpoint-url>" };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, message: `"${endpoint}" is not an absolute URL` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, message: "<endpoint-url> must be http(s)" };
  }
  return { ok: true, options: { ...options, endpoint, headers } };
}

export async function runConformanceCli(argv: readonly string[], io: ConformanceCliIo): Promise<number> {
  const parsed = parseConformanceArgs(argv);
  if (parsed.ok === "help") {
    io.stdout.write(CONFORMANCE_USAGE);
    return 0;
  }
  if (!parsed.ok) {
    io.stderr.write(`react-upgrade-kit: ${parsed.message}\n\n${CONFORMANCE_USAGE}`);
    return 2;
  }
  const report = await runConformanceChecks(io.fetch ? { ...parsed.options, fetch: io.fetch } : parsed.options);
  io.stdout.write(formatConformanceReport(report));
  return report.passed ? 0 : 1;
}
