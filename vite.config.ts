import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/chromium.js";
import { takeChromiumErrorLog } from "./.storybook/guard/chromiumErrorLog.js";
import { react18PackageDir, react18Packages } from "./test/setup/react18.js";

// Library build: two entries (the React library and the server code), ESM only, peers external.
// Declarations are emitted by `tsc -p tsconfig.build.json` (see package.json "build").
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^@stripe\/stripe-js($|\/)/, /^node:/];

/** Ships src/components/styles.css as dist/styles.css (the "./styles.css" export), untouched by JS. */
function emitStylesheet(): Plugin {
  return {
    name: "react-upgrade-kit-stylesheet",
    apply: "build",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "styles.css", source: readFileSync("src/components/styles.css", "utf8") });
    },
  };
}

export default defineConfig({
  plugins: [react(), emitStylesheet()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: "src/index.ts", server: "src/server/index.ts" },
      formats: ["es"],
    },
    rolldownOptions: {
      external,
      output: {
        // The React entry runs in the browser: mark it for React Server Components bundlers.
        banner: (chunk) => (chunk.name === "index" ? '"use client";' : ""),
        preserveModules: true,
        preserveModulesRoot: "src",
        entryFileNames: "[name].js",
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["test/core/**/*.test.ts", "test/server/**/*.test.ts", "test/ssr/**/*.test.tsx", "test/package/**/*.test.ts", "test/faults/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          env: { EXPECTED_REACT_MAJOR: "19" },
          include: ["test/react/**/*.test.{ts,tsx}", "test/components/**/*.test.{ts,tsx}", "test/faults/**/*.test.tsx"],
          setupFiles: ["test/setup/dom.ts"],
        },
      },
      {
        // The same jsdom suite on React 18 (the peer range is `react >=18`): every package that
        // imports React comes from a React 18 install outside the repository (test/setup/react18.ts).
        extends: true,
        resolve: {
          alias: react18Packages.map((name) => ({
            find: new RegExp(`^${name.replace("/", "\\/")}(/.*)?$`),
            replacement: `${react18PackageDir(name)}$1`,
          })),
        },
        test: {
          name: "dom-react18",
          environment: "jsdom",
          env: { EXPECTED_REACT_MAJOR: "18" },
          globalSetup: ["test/setup/react18.ts"],
          include: ["test/react/**/*.test.{ts,tsx}", "test/components/**/*.test.{ts,tsx}", "test/faults/**/*.test.tsx"],
          setupFiles: ["test/setup/dom.ts"],
        },
      },
      {
        // Every story is a test: rendered in the system Chromium, its play function run, then the
        // a11y addon's axe check (parameters.a11y.test = "error" makes a violation fail it).
        extends: true,
        plugins: [storybookTest({ configDir: ".storybook" })],
        test: {
          name: "storybook",
          // A console error, uncaught error, unhandled rejection or Chromium error log fails the story.
          setupFiles: [".storybook/guard/vitest.setup.ts"],
          browser: {
            commands: { takeChromiumErrorLog },
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
      {
        // The demo in the system Chromium: starts its Vite dev server, clicks through checkout.
        extends: true,
        test: {
          name: "e2e",
          // Prints the Chromium version before any test runs (it is the same browser the stories use).
          globalSetup: ["test/setup/chromiumVersion.ts"],
          environment: "node",
          include: ["test/browser/**/*.test.ts", "test/examples/**/*.test.ts"],
          exclude: ["test/browser/browserBudgets.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The benchmarks' budgets (ratios and counts, never absolute times), after every other
        // project has finished and one file at a time: a test file running beside them on the
        // other core would decide a throughput ratio as much as the code does.
        extends: true,
        test: {
          name: "bench",
          environment: "node",
          include: ["test/bench/**/*.test.ts", "test/browser/browserBudgets.test.ts"],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
