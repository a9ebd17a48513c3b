/**
 * Bundles each size entry with Rolldown, Vite's bundler (minified, tree-shaken, production JSX, as
 * an app's production build would)
 * and reports gzip and brotli bytes: once with @tanstack/react-query bundled in, once with it
 * external (our code alone). react and react-dom are always external: every React app has them.
 * Lazily loaded chunks (the checkout-return code, and for apps that opt into embedded checkout the
 * dialog and the Stripe.js loader) are not counted in the first load: a page fetches them only when
 * it comes back from a checkout or opens the embedded one. They are reported apart (`lazyChunks`),
 * so the total an app ships stays visible.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { rolldown } from "rolldown";
import { reactQueryEntry, sizeEntries, type SizeEntry } from "./entries.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

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

async function bundle(entry: SizeEntry, externalReactQuery: boolean): Promise<BundleOutput> {
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
          "react-upgrade-kit/server": join(root, "src/server/index.ts"),
          "react-upgrade-kit": join(root, "src/index.ts"),
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
  const bundles: BundleSize[] = [];
  for (const entry of sizeEntries) {
    const withReactQuery = await bundle(entry, false);
    const ownCode = await bundle(entry, true);
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
    });
  }
  return {
    bundles,
    reactQuery: compressedSize((await bundle(reactQueryEntry, false)).firstLoad),
    css: compressedSize(readFileSync(join(root, "src/components/styles.css"), "utf8")),
  };
}
