/**
 * No import cycle in src: every relative import between src files, static (`import … from`,
 * `import "…"`), re-exporting (`export … from`), dynamic (`import("…")`) and type-only
 * (`import type`), is an edge, and a depth-first search over them must find no way back. Type-only
 * imports count: they vanish from the JavaScript, but a cycle through one is still two modules
 * that cannot be read (or moved) one without the other, which is what the issue was about.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"))
    .map((file) => join(dir, file));
}

const STATIC = /^\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The relative specifiers a module's JavaScript will import. */
export function importsOf(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...withoutComments.matchAll(STATIC), ...withoutComments.matchAll(DYNAMIC)]
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith("."));
}

function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, "");
  return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((candidate) => files.has(candidate));
}

/** Each cycle found, as the files on it (relative to `root`), the first repeated at the end. */
export function findCycles(modules: ReadonlyMap<string, readonly string[]>, root: string): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of modules.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(root, f)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of modules.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

function graphOf(dir: string): Map<string, string[]> {
  const files = sourceFiles(dir);
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      importsOf(readFileSync(file, "utf8")).flatMap((specifier) => resolveSpecifier(file, specifier, known) ?? []),
    ]),
  );
}

describe("import cycles", () => {
  it("src has none (static, re-exporting, dynamic and type-only imports)", () => {
    expect(findCycles(graphOf(src), src)).toEqual([]);
  });

  it("the checker sees every kind of import, and finds a cycle", () => {
    expect(importsOf(`import { a } from "./a.js";\nimport type { B } from "./b.js";\nexport { c } from "./c.js";\nexport type { D } from "./d.js";\nconst e = () => import("./e.js");\nimport "./f.css";`)).toEqual(["./a.js", "./b.js", "./c.js", "./d.js", "./f.css", "./e.js"]);
    const graph = new Map([
      ["/x/a.ts", ["/x/b.ts"]],
      ["/x/b.ts", ["/x/c.ts"]],
      ["/x/c.ts", ["/x/a.ts"]],
      ["/x/d.ts", ["/x/a.ts"]],
    ]);
    expect(findCycles(graph, "/x")).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(findCycles(new Map([["/x/a.ts", ["/x/b.ts"]], ["/x/b.ts", []]]), "/x")).toEqual([]);
  });
});
