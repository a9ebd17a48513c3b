/**
 * `npm run build` produces what the package.json `exports` map promises: ESM and declarations for
 * "." and "./server", with peers left external and "use client" on the React entry.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
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
    expect(readFileSync(join(root, "dist/index.js"), "utf8").startsWith('"use client";')).toBe(true);
    const provider = readFileSync(join(root, "dist/react/StiggProvider.js"), "utf8");
    expect(provider.startsWith('"use client";')).toBe(true);
    expect(provider).toMatch(/from "@tanstack\/react-query"/);
    expect(provider).toMatch(/from "react"/);
    const everything = readdirSync(join(root, "dist"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(join(root, "dist", file), "utf8"))
      .join("\n");
    expect(everything).not.toMatch(/function useQuery\(|createElement\s*=\s*function/);
  });

  it("compiles production JSX even when built from a shell whose NODE_ENV says otherwise (this test runs under NODE_ENV=test)", () => {
    expect(process.env.NODE_ENV).toBe("test");
    const paywall = readFileSync(join(root, "dist/components/Paywall.js"), "utf8");
    expect(paywall).toMatch(/from "react\/jsx-runtime"/);
    expect(paywall).not.toMatch(/jsx-dev-runtime|jsxDEV/);
  });

  it("keeps one file per module, so an app's bundler can split off and tree-shake what the library loads lazily", () => {
    for (const file of ["react/checkout/start.js", "core/schemas.js", "react/checkout/finish.js", "core/checkoutUrlGuard.js"]) {
      expect(existsSync(join(root, "dist", file))).toBe(true);
    }
    expect(readFileSync(join(root, "dist/react/StiggProvider.js"), "utf8")).toMatch(/import\("\.\/checkout\/finish\.js"\)/);
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
