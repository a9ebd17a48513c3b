/**
 * Why an in-house schema kit: bundles the same representative contract schema with valibot,
 * zod/mini and src/core/schemaKit.ts (minified, tree-shaken) and prints gzip bytes.
 * Run: `npx tsx bench/schema-size/measure.ts`.
 */
import { build } from "vite";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

async function gzipOf(entry: string): Promise<number> {
  const output = await build({
    configFile: false,
    logLevel: "silent",
    build: { write: false, minify: true, lib: { entry: here + entry, formats: ["es"], fileName: "out" } },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => ("output" in result ? result.output : []));
  const code = chunks.map((chunk) => ("code" in chunk ? chunk.code : "")).join("");
  return gzipSync(code, { level: 9 }).length;
}

const valibot = await gzipOf("valibot-entry.ts");
const zodMini = await gzipOf("zod-mini-entry.ts");
const kit = await gzipOf("kit-entry.ts");
console.log(`schema library    gzip bytes`);
console.log(`schemaKit         ${kit}`);
console.log(`valibot           ${valibot}  (${(valibot / kit).toFixed(1)}× schemaKit)`);
console.log(`zod/mini          ${zodMini}  (${(zodMini / kit).toFixed(1)}× schemaKit)`);
