/**
 * Why valibot: bundles the same representative contract schema with each candidate library
 * (minified, tree-shaken) and prints gzip bytes. Run: `node bench/schema-size/measure.ts`.
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
console.log(`schema library    gzip bytes`);
console.log(`valibot           ${valibot}`);
console.log(`zod/mini          ${zodMini}`);
console.log(`zod/mini / valibot = ${(zodMini / valibot).toFixed(2)}`);
