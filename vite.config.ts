import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

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
        chunkFileNames: "chunks/shared-[hash].js",
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
          include: ["test/core/**/*.test.ts", "test/server/**/*.test.ts", "test/ssr/**/*.test.tsx", "test/package/**/*.test.ts", "test/bench/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["test/react/**/*.test.{ts,tsx}", "test/components/**/*.test.{ts,tsx}"],
          setupFiles: ["test/setup/dom.ts"],
        },
      },
    ],
  },
});
