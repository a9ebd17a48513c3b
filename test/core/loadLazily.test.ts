import { describe, expect, it } from "vitest";
import { loadLazily } from "../../src/core/loadLazily.js";
import { UpgradeError } from "../../src/core/UpgradeError.js";

describe("loadLazily", () => {
  it("hands the module over when it loads", async () => {
    await expect(loadLazily(Promise.resolve({ answer: 42 }), "The answer")).resolves.toEqual({ answer: 42 });
  });

  it("a chunk that cannot load (offline, removed by a deploy) is a NETWORK UpgradeError naming what failed", async () => {
    const cause = new TypeError("Failed to fetch dynamically imported module");
    const error = await loadLazily(Promise.reject(cause), "The checkout code").catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(UpgradeError);
    expect(error).toMatchObject({ code: "NETWORK", message: "The checkout code could not be loaded", cause });
  });

  it("a failed load nobody awaits is not an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      loadLazily(Promise.reject(new Error("offline")), "The schema");
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
