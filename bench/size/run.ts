/** `npm run size`: prints the bundle sizes and exits non-zero when a budget is broken. */
import { checkSizeBudgets } from "./budgets.js";
import { measureBundles, type CompressedSize } from "./measureBundles.js";

const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
const row = (label: string, size: CompressedSize) =>
  `${label.padEnd(52)} ${kib(size.gzip).padStart(11)} ${kib(size.brotli).padStart(11)}`;

const report = await measureBundles();
console.log(`${"first load (react, react-dom external)".padEnd(52)} ${"gzip".padStart(11)} ${"brotli".padStart(11)}   lazy chunks, own code`);
for (const bundle of report.bundles) {
  const lazy = bundle.lazyChunks.count === 0 ? "none" : `${bundle.lazyChunks.count}: ${kib(bundle.lazyChunks.gzip)}`;
  console.log(row(`${bundle.label} + react-query`, bundle.withReactQuery));
  console.log(`${row(`${bundle.label}, own code`, bundle.ownCode)}   ${lazy}`);
}
console.log(row("@tanstack/react-query (as used)", report.reactQuery));
console.log(row("styles.css", report.css));

let failed = false;
for (const verdict of checkSizeBudgets(report)) {
  const { bundleId, measure, maxGzipBytes } = verdict.budget;
  console.log(`${verdict.ok ? "ok  " : "FAIL"} ${bundleId} ${measure}: ${kib(verdict.actualGzipBytes)} of ${kib(maxGzipBytes)}`);
  failed ||= !verdict.ok;
}
process.exitCode = failed ? 1 : 0;
