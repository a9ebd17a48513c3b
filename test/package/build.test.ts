/**
 * `npm run build` produces what the package.json `exports` map promises: ESM and declarations for
 * "." and "./server", with peers left external and "use client" on the React entry.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, { types: string; import: string } | string>;
  sideEffects: unknown;
  files: string[];
};

beforeAll(() => {
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "pipe" });
}, 120_000);

describe("the built package", () => {
  it.each([".", "./server"])("exports %s as ESM with declarations", (entry) => {
    const target = packageJson.exports[entry];
    if (typeof target !== "object") throw new Error(`exports["${entry}"] is not an object`);
    expect(existsSync(join(root, target.import))).toBe(true);
    expect(existsSync(join(root, target.types))).toBe(true);
  });

  it("the React entry says \"use client\" and leaves react and react-query to the app", () => {
    const code = readFileSync(join(root, "dist/index.js"), "utf8");
    expect(code.startsWith('"use client";')).toBe(true);
    expect(code).toMatch(/from "@tanstack\/react-query"/);
    expect(code).toMatch(/from "react"/);
    expect(code).not.toMatch(/function useQuery\(|createElement\s*=\s*function/);
  });

  it("the server entry runs in plain Node and its declarations name the public API", async () => {
    const server = (await import(pathToFileURL(join(root, "dist/server.js")).href)) as Record<string, unknown>;
    expect(typeof server.createUpgradeHandler).toBe("function");
    expect(typeof server.createMemoryBackend).toBe("function");
    expect(typeof server.toNodeListener).toBe("function");
    const types = readFileSync(join(root, "dist/server/index.d.ts"), "utf8");
    expect(types).toContain("createUpgradeHandler");
    expect(readFileSync(join(root, "dist/server.js"), "utf8")).not.toContain('"use client"');
  });

  it("the React entry's declarations export the provider, the hooks and the contract types", () => {
    const types = readFileSync(join(root, "dist/index.d.ts"), "utf8");
    for (const name of ["StiggProvider", "usePlans", "useCustomer", "useProvisionSubscription", "UpgradeError", "contract"]) {
      expect(types).toContain(name);
    }
  });

  it("ships the contract as openapi.yaml, importable as react-upgrade-kit/openapi.yaml", () => {
    expect(packageJson.files).toContain("openapi.yaml");
    expect(packageJson.exports["./openapi.yaml"]).toBe("./openapi.yaml");
    expect(readFileSync(join(root, "openapi.yaml"), "utf8")).toMatch(/^openapi: 3\.1/m);
  });

  it("declares which files have side effects, so bundlers can tree-shake the rest", () => {
    expect(packageJson.sideEffects).toEqual(["**/*.css"]);
  });
});
