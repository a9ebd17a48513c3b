/**
 * The library's jsdom suite runs twice: on the repository's React 19 (project "dom") and on React 18
 * (project "dom-react18"), because the peer range says `react >=18`. React 18 cannot sit in the
 * repository's node_modules beside React 19, so test/react18/package.json (with its lock file) is
 * installed into a cache outside the repository, keyed by the lock file's hash: the first run on a
 * machine installs it (`npm ci`, a few seconds), later runs reuse it.
 *
 * Every package that imports React is installed there too (react-dom, react-query, Testing Library):
 * Node resolves a package's own `import "react"` from where the package sits, so a React 18 copy of
 * each is what keeps one React in the process.
 *
 * vite.config.ts reads `react18Modules` to alias these packages; the project's global setup
 * (the default export) installs them before any test file is loaded.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const manifestDir = join(import.meta.dirname, "../react18");
const lockHash = createHash("sha256")
  .update(readFileSync(join(manifestDir, "package.json")))
  .update(readFileSync(join(manifestDir, "package-lock.json")))
  .digest("hex")
  .slice(0, 16);

/** Where the React 18 packages are installed on this machine. */
export const react18Root = join(tmpdir(), "react-upgrade-kit-react18", lockHash);

/** The packages the dom-react18 project takes from the React 18 install, by the name the code imports. */
export const react18Packages = ["react", "react-dom", "@tanstack/react-query", "@testing-library/react", "@testing-library/dom"] as const;

export function react18PackageDir(name: (typeof react18Packages)[number]): string {
  return join(react18Root, "node_modules", name);
}

/** Installs the React 18 packages unless this lock file's install is already complete. */
export default function installReact18(): void {
  const done = join(react18Root, ".installed");
  if (existsSync(done)) return;
  // Installed beside the final directory and renamed into place, so an interrupted install is
  // never taken for a complete one.
  const staging = `${react18Root}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  copyFileSync(join(manifestDir, "package.json"), join(staging, "package.json"));
  copyFileSync(join(manifestDir, "package-lock.json"), join(staging, "package-lock.json"));
  console.log(`\n  Installing React 18 for the dom-react18 tests into ${react18Root}\n`);
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel", "error"], {
    cwd: staging,
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 180_000,
  });
  const version = JSON.parse(readFileSync(join(staging, "node_modules/react/package.json"), "utf8")).version as string;
  if (!version.startsWith("18.")) throw new Error(`test/react18 installed react ${version}, not 18.x`);
  rmSync(react18Root, { recursive: true, force: true });
  renameSync(staging, react18Root);
  copyFileSync(join(manifestDir, "package.json"), done);
}
