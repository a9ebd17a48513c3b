/**
 * Normalizing and checking the handler's path and origin options, at start-up: a bad value is a
 * configuration error raised by `createUpgradeHandler`, not a failure of some later request.
 */

/** "/api/upgrade/" and "api/upgrade" both mean "/api/upgrade"; "/" means the root (""). */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, "");
  if (trimmed === "") return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

/**
 * `publicOrigin` as origins, or `undefined` where falling back to the request's origin is allowed
 * (development and test). Anywhere else (production, and runtimes that say nothing, such as a
 * browser bundle or a worker) a missing option is a configuration error, raised at start-up.
 */
export function resolvePublicOrigins(option: string | readonly string[] | undefined): readonly string[] | undefined {
  const origins = (typeof option === "string" ? [option] : (option ?? [])).map((origin) => toOrigin(origin, "publicOrigin"));
  if (origins.length > 0) return origins;
  const nodeEnv = readNodeEnv();
  if (nodeEnv !== "development" && nodeEnv !== "test") {
    throw new TypeError(
      `createUpgradeHandler: set publicOrigin to your app's public origin (e.g. "https://app.example.com"). ` +
        `Without it the handler would build checkout links and check return URLs from the request's Host header, ` +
        `which the caller controls (NODE_ENV is ${nodeEnv === undefined ? "not set" : `"${nodeEnv}"`}).`,
    );
  }
  if (nodeEnv === "development") {
    console.warn(
      "react-upgrade-kit: publicOrigin is not set, so the upgrade handler trusts each request's Host header. " +
        "Set it before going to production, where the handler refuses to start without it.",
    );
  }
  return undefined;
}

/** Read when the handler is created, not bundled in: the handler also runs where `process` is absent. */
function readNodeEnv(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV;
}

/** The origin of `origin`, or a TypeError naming the option it came from. */
export function toOrigin(origin: string, option: string): string {
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    parsed = "null";
  }
  // "localhost:3000" parses, as a URL of scheme "localhost:" whose origin is "null".
  if (parsed === "null") throw new TypeError(`createUpgradeHandler: ${option} has an invalid origin "${origin}"`);
  return parsed;
}

/** `plansCaching`, checked: a typo must not silently fall back to either behaviour. */
export function resolvePlansCaching(option: "no-store" | "revalidate" | undefined): "no-store" | "revalidate" {
  const caching = option ?? "no-store";
  if (caching !== "no-store" && caching !== "revalidate") {
    throw new RangeError(`createUpgradeHandler: plansCaching must be "no-store" or "revalidate", got ${String(caching)}`);
  }
  return caching;
}
