#!/usr/bin/env node
// `npx react-upgrade-kit check <endpoint-url>`: the endpoint conformance checks.
//
// The code is the server entry's. In the published package it is compiled (dist/server.js, reached
// through the package's own "exports"); in this repository, where src/ sits next to bin/, the
// TypeScript source is run through tsx (a devDependency), so the CLI works without a build and
// never runs a stale one.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = new URL("../src/server/index.ts", import.meta.url);

async function loadServerEntry() {
  if (existsSync(fileURLToPath(source))) {
    const { tsImport } = await import("tsx/esm/api");
    return tsImport(source.href, import.meta.url);
  }
  return import("react-upgrade-kit/server");
}

const { runConformanceCli } = await loadServerEntry();
process.exitCode = await runConformanceCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
