import { describe, expect, it } from "vitest";
import { defaultCheckoutOptions, readReturnMarker, stripReturnMarker, withReturnMarker } from "../../src/core/returnMarker.js";

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

  it("leaves every other byte of the query as it was: escapes, bare flags, plus signs, order", () => {
    const page = "https://a.example/billing?q=a%20b&flag&x=1+2&ruk_checkout=success&z=%7E#top";
    expect(stripReturnMarker(page)).toBe("https://a.example/billing?q=a%20b&flag&x=1+2&z=%7E#top");
    expect(stripReturnMarker("https://a.example/billing?ruk_checkout=canceled")).toBe("https://a.example/billing");
    expect(stripReturnMarker("https://a.example/billing?q=a%20b&flag")).toBe("https://a.example/billing?q=a%20b&flag");
  });

  it("a round trip through checkout gives back the page exactly", () => {
    const page = "https://a.example/billing?q=a%20b&flag&x=1+2";
    const { successUrl, cancelUrl } = defaultCheckoutOptions(`${page}#plans`);
    expect(successUrl).toBe(`${page}&ruk_checkout=success`);
    expect(stripReturnMarker(successUrl)).toBe(page);
    expect(stripReturnMarker(cancelUrl)).toBe(page);
  });
});
