/**
 * Vitest global setup: prints which Chromium the browser tests run in. Browser behaviour changes
 * between versions (a failed `import()` stays failed, a page holding a WebSocket is not cached), so a
 * failure report starts with the version it happened on.
 */
import { execFileSync } from "node:child_process";
import { CHROMIUM_PATH } from "../../scripts/chromium.js";

export default function printChromiumVersion(): void {
  let version: string;
  try {
    // Debian's /usr/bin/chromium is a shell wrapper that may print noise on stderr; keep stdout only.
    version = execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch (error) {
    version = `not runnable (${(error as Error).message})`;
  }
  console.log(`\n  Browser tests run in ${CHROMIUM_PATH}: ${version}\n`);
}
