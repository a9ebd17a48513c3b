/**
 * Starts using a lazily imported module (a dynamic `import()`): a load that fails (offline, a
 * deploy removed the chunk) becomes a NETWORK `UpgradeError` like any other failure to reach the
 * server, and is never an unhandled rejection, even if nothing awaits it (the request it ran
 * alongside failed first).
 */
import { UpgradeError } from "./UpgradeError.js";

export function loadLazily<T>(module: Promise<T>, what: string): Promise<T> {
  const loaded = module.catch((cause: unknown) => {
    throw new UpgradeError("NETWORK", `${what} could not be loaded`, { cause });
  });
  loaded.catch(() => undefined);
  return loaded;
}
