/**
 * Bundles each size entry with Vite (minified, tree-shaken, as an app's production build would)
 * and reports gzip and brotli bytes: once with @tanstack/react-query bundled in, once with it
 * external (our code alone). react and react-dom are always external: every React app has them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build, type Rolldown } from "vite";
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
  /** Whether any Stripe.js code ended up in the bundle. */
  containsStripe: boolean;
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

async function bundle(entry: SizeEntry, externalReactQuery: boolean): Promise<string> {
  // Inside the project, so the entry resolves packages from its node_modules.
  mkdirSync(join(root, "bench/out"), { recursive: true });
  const dir = mkdtempSync(join(root, "bench/out/size-"));
  try {
    const file = join(dir, `${entry.id}.js`);
    writeFileSync(file, entry.code);
    const external = [/^react($|\/)/, /^react-dom($|\/)/, /^node:/];
    if (externalReactQuery) external.push(/^@tanstack\//);
    const output = await build({
      configFile: false,
      logLevel: "silent",
      // Always a production build, also when run under vitest (where NODE_ENV is "test").
      mode: "production",
      root,
      resolve: {
        alias: {
          "react-upgrade-kit/server": join(root, "src/server/index.ts"),
          "react-upgrade-kit": join(root, "src/index.ts"),
        },
      },
      define: { "process.env.NODE_ENV": '"production"' },
      build: {
        write: false,
        minify: true,
        target: "es2022",
        ssr: entry.platform === "node" ? file : undefined,
        rolldownOptions: { input: file, external },
      },
    });
    const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
    // Only the entry chunk and its static imports: lazily loaded chunks are not in the first load.
    const chunks = results.flatMap((result) => result.output).filter((item) => item.type === "chunk");
    const entryChunk = chunks.find((chunk) => chunk.isEntry);
    if (!entryChunk) throw new Error(`no entry chunk for ${entry.id}`);
    const staticChunks = [entryChunk, ...entryChunk.imports.map((name) => chunks.find((chunk) => chunk.fileName === name))];
    return staticChunks.map((chunk) => chunk?.code ?? "").join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureBundles(): Promise<SizeReport> {
  // Vite picks production JSX (no jsxDEV source objects) from NODE_ENV, which vitest sets to "test".
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    return await measureAll();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

async function measureAll(): Promise<SizeReport> {
  const bundles: BundleSize[] = [];
  for (const entry of sizeEntries) {
    const withReactQuery = await bundle(entry, false);
    const ownCode = await bundle(entry, true);
    bundles.push({
      id: entry.id,
      label: entry.label,
      withReactQuery: compressedSize(withReactQuery),
      ownCode: compressedSize(ownCode),
      containsStripe: /stripe\.com\/v3|js\.stripe\.com/.test(withReactQuery),
    });
  }
  return {
    bundles,
    reactQuery: compressedSize(await bundle(reactQueryEntry, false)),
    css: compressedSize(readFileSync(join(root, "src/components/styles.css"), "utf8")),
  };
}
