/**
 * README's Next.js files are the example's files, byte for byte (the example is built and walked in
 * Chromium by test/examples/nextApp.test.ts), so the README a newcomer copies is what CI ran.
 */
import { readdirSync, readFileSync, type Dirent } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");

describe("README quotes examples/next-app as it is", () => {
  it.each([
    ["app/api/upgrade/[...path]/route.ts", "ts"],
    ["lib/upgradeHandler.ts", "ts"],
    ["lib/plans.ts", "ts"],
    ["lib/session.ts", "ts"],
    ["app/page.tsx", "tsx"],
    ["app/layout.tsx", "tsx"],
    ["app/providers.tsx", "tsx"],
    ["app/billing/page.tsx", "tsx"],
  ])("%s", (file, lang) => {
    const text = readFileSync(join(root, "examples/next-app", file), "utf8").trimEnd();
    expect(readme).toContain(`\`examples/next-app/${file}\`:\n\n\`\`\`${lang}\n${text}\n\`\`\``);
  });

  it("quotes every file the example adds to create-next-app's output, counts them, and installs what it adds", () => {
    const quoted = [...readme.matchAll(/`examples\/next-app\/([^`]+)`:\n\n```/g)].map((match) => match[1]);
    const numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    expect(readme).toContain(`Add or replace the ${numberWords[quoted.length]} files below`);
    const exampleDir = join(root, "examples/next-app");
    const files = (readdirSync(exampleDir, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => relative(exampleDir, join(entry.parentPath, entry.name)))
      .filter((file) => !file.startsWith("node_modules") && !file.startsWith(".next"));
    expect(files.filter((file) => !createNextAppOutput.includes(file) && !quoted.includes(file))).toEqual([]);
    // create-next-app's own dependencies are next, react and react-dom; README's install line adds the rest.
    const manifest = JSON.parse(readFileSync(join(exampleDir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const added = Object.keys(manifest.dependencies).filter((name) => !["next", "react", "react-dom"].includes(name));
    const installLine = /`npm install ([^`]+)`/.exec(readme.slice(readme.indexOf("To make it from nothing")))?.[1]?.split(" ");
    expect(installLine?.sort()).toEqual(added.sort());
  });
});

/** What `create-next-app` 16.5 writes with its defaults (the example's layout and page replace two of them). */
const createNextAppOutput = [".gitignore", "AGENTS.md", "README.md", "app/favicon.ico", "app/globals.css", "app/layout.tsx", "app/page.tsx", "eslint.config.mjs", "next.config.ts", "next-env.d.ts", "package.json", "package-lock.json", "tsconfig.json"];
