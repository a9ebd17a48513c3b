import { describe, expect, it } from "vitest";
import { defaultCheckoutOptions, withReturnMarker } from "../../src/core/returnMarker.js";
import { readReturnMarker, stripReturnMarker } from "../../src/core/returnMarkerReader.js";

describe("return markers", () => {
  it("default checkout options return to the current page with a marker, keeping its query", () => {
    const options = defaultCheckoutOptions("https://app.example.com/billing?tab=plans#top");
    expect(options).toEqual({
      successUrl: "https://app.example.com/billing?tab=plans&ruk_checkout=success",
      cancelUrl: "https://app.example.com/billing?tab=plans&ruk_checkout=canceled",
    });
  });

  it("does not stack markers when the page already carries one", () => {
    const options = defaultCheckoutOptions("https://app.example.com/?ruk_checkout=canceled");
    expect(options.successUrl).toBe("https://app.example.com/?ruk_checkout=success");
  });

  it("reads the marker back", () => {
    expect(readReturnMarker(withReturnMarker("https://a.example/x", "success"))).toBe("success");
    expect(readReturnMarker("https://a.example/x?ruk_checkout=canceled")).toBe("canceled");
    expect(readReturnMarker("https://a.example/x?ruk_checkout=bogus")).toBeNull();
    expect(readReturnMarker("https://a.example/x")).toBeNull();
  });
});

describe("stripReturnMarker", () => {
  it("removes only the marker and keeps the rest of the URL", () => {
    expect(stripReturnMarker("https://a.example/billing?tab=plans&ruk_checkout=success#top")).toBe(
      "https://a.example/billing?tab=plans#top",
    );
  });
});
