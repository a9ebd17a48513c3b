/**
 * README's Next.js files are the example's files, byte for byte (the example is built and walked in
 * Chromium by test/examples/nextApp.test.ts), so the README a newcomer copies is what CI ran.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");

describe("README quotes examples/next-app as it is", () => {
  it.each([
    ["app/api/upgrade/[...path]/route.ts", "ts"],
    ["lib/upgradeHandler.ts", "ts"],
    ["lib/session.ts", "ts"],
    ["app/layout.tsx", "tsx"],
    ["app/providers.tsx", "tsx"],
    ["app/billing/page.tsx", "tsx"],
  ])("%s", (file, lang) => {
    const text = readFileSync(join(root, "examples/next-app", file), "utf8").trimEnd();
    expect(readme).toContain(`\`examples/next-app/${file}\`:\n\n\`\`\`${lang}\n${text}\n\`\`\``);
  });
});
