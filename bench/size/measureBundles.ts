/**
 * Builds the package as `npm run build` does (the files an app installs), then bundles each size
 * entry against it with Rolldown, Vite's bundler (minified, tree-shaken, production JSX, as an app's
 * production build would), and reports gzip and brotli bytes: once with @tanstack/react-query bundled in, once with it
 * external (our code alone). react and react-dom are always external: every React app has them.
 * Lazily loaded chunks (the checkout-return code, and for apps that opt into embedded checkout the
 * dialog and the Stripe.js loader) are not counted in the first load: a page fetches them only when
 * it comes back from a checkout or opens the embedded one. They are reported apart (`lazyChunks`),
 * so the total an app ships stays visible.
 *
 * The built package rather than the sources, because that is what apps bundle, and the two can
 * differ: a library build that merged modules into shared chunks once cost apps 0.6 to 0.9 KiB
 * that a measure of the sources did not show (lazily loaded code came back into the first load).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { rolldown } from "rolldown";
import { reactQueryEntry, sizeEntries, type SizeEntry } from "./entries.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** A message of the checkout-URL check (core/checkoutUrlGuard.ts), which only the click's code uses. */
const CLICK_CODE_MARKER = "is not an allowed host";

export interface CompressedSize {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BundleSize {
  id: string;
  label: string;
  /** With react-query bundled in (what the app ships for it, if it had no react-query yet). */
  withReactQuery: CompressedSize;
  /** With react-query external: our own code alone. */
  ownCode: CompressedSize;
  /** Whether any Stripe.js code ended up in the first load. */
  containsStripe: boolean;
  /** The lazily loaded chunks (our code, react-query external): how many, and their gzip bytes summed. */
  lazyChunks: { count: number; gzip: number };
  /** Whether the embedded-checkout code (dialog, Stripe.js loader) is anywhere in the bundle, lazy chunks included. */
  containsEmbeddedCheckout: boolean;
  /** Where the code that runs after a click (told by the checkout-URL check's message) ended up. */
  clickCode: "firstLoad" | "lazy" | "absent";
}

export interface SizeReport {
  bundles: BundleSize[];
  reactQuery: CompressedSize;
  css: CompressedSize;
}

export function compressedSize(code: string): CompressedSize {
  const bytes = Buffer.from(code);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

interface BundleOutput {
  /** The entry chunk and its static imports: what the first load fetches. */
  firstLoad: string;
  /** Each lazily loaded chunk. */
  lazy: string[];
}

/**
 * The library as `npm run build` builds it (JavaScript only), into a fresh directory. In a process
 * of its own with NODE_ENV=production, as the build script sets it: inside vitest (NODE_ENV=test)
 * the React plugin would compile the development JSX runtime.
 */
function buildPackage(): string {
  mkdirSync(join(root, "bench/out"), { recursive: true });
  const outDir = mkdtempSync(join(root, "bench/out/package-"));
  execFileSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--outDir", outDir, "--emptyOutDir", "--sourcemap", "false", "--logLevel", "silent"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "pipe",
  });
  return outDir;
}

async function bundle(entry: SizeEntry, externalReactQuery: boolean, packageDir: string): Promise<BundleOutput> {
  // Inside the project, so the entry resolves packages from its node_modules.
  mkdirSync(join(root, "bench/out"), { recursive: true });
  const dir = mkdtempSync(join(root, "bench/out/size-"));
  try {
    const file = join(dir, `${entry.id}.js`);
    writeFileSync(file, entry.code);
    const external = [/^react($|\/)/, /^react-dom($|\/)/, /^node:/];
    if (externalReactQuery) external.push(/^@tanstack\//);
    // Rolldown (Vite's bundler) directly, so no app-level runtime (Vite's module-preload helper for
    // dynamic imports) is counted as ours: every bundler has one, shared by all of an app's chunks.
    const build = await rolldown({
      input: file,
      cwd: root,
      platform: entry.platform,
      external,
      logLevel: "silent",
      resolve: {
        alias: {
          "react-upgrade-kit/server": join(packageDir, "server.js"),
          "react-upgrade-kit": join(packageDir, "index.js"),
        },
      },
      transform: {
        define: { "process.env.NODE_ENV": '"production"' },
        jsx: { runtime: "automatic", development: false },
      },
    });
    // An app's final bundle keeps no comments: /* @__PURE__ */ hints are for bundlers, not browsers.
    const { output } = await build.generate({
      format: "esm",
      minify: true,
      comments: { legal: false, annotation: false, jsdoc: false },
    });
    await build.close();
    // Only the entry chunk and its static imports: lazily loaded chunks are not in the first load.
    const chunks = output.filter((item) => item.type === "chunk");
    const entryChunk = chunks.find((chunk) => chunk.isEntry);
    if (!entryChunk) throw new Error(`no entry chunk for ${entry.id}`);
    const staticNames = new Set([entryChunk.fileName, ...entryChunk.imports]);
    return {
      firstLoad: chunks.filter((chunk) => staticNames.has(chunk.fileName)).map((chunk) => chunk.code).join("\n"),
      lazy: chunks.filter((chunk) => !staticNames.has(chunk.fileName)).map((chunk) => chunk.code),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureBundles(): Promise<SizeReport> {
  const packageDir = buildPackage();
  try {
    return await measureAgainst(packageDir);
  } finally {
    rmSync(packageDir, { recursive: true, force: true });
  }
}

async function measureAgainst(packageDir: string): Promise<SizeReport> {
  const bundles: BundleSize[] = [];
  for (const entry of sizeEntries) {
    const withReactQuery = await bundle(entry, false, packageDir);
    const ownCode = await bundle(entry, true, packageDir);
    bundles.push({
      id: entry.id,
      label: entry.label,
      withReactQuery: compressedSize(withReactQuery.firstLoad),
      ownCode: compressedSize(ownCode.firstLoad),
      containsStripe: /stripe\.com\/v3|js\.stripe\.com/.test(withReactQuery.firstLoad),
      lazyChunks: {
        count: ownCode.lazy.length,
        gzip: ownCode.lazy.reduce((total, code) => total + compressedSize(code).gzip, 0),
      },
      containsEmbeddedCheckout: [withReactQuery.firstLoad, ...withReactQuery.lazy].some((code) => code.includes("createEmbeddedCheckoutPage")),
      clickCode: ownCode.firstLoad.includes(CLICK_CODE_MARKER)
        ? "firstLoad"
        : ownCode.lazy.some((code) => code.includes(CLICK_CODE_MARKER))
          ? "lazy"
          : "absent",
    });
  }
  return {
    bundles,
    reactQuery: compressedSize((await bundle(reactQueryEntry, false, packageDir)).firstLoad),
    css: compressedSize(readFileSync(join(root, "src/components/styles.css"), "utf8")),
  };
}
