import { describe, expect, it } from "vitest";
import { isSafeLinkHref } from "../../src/core/linkHref.js";

describe("isSafeLinkHref", () => {
  it("lets web, mail and phone links and relative paths through", () => {
    for (const href of ["https://example.com/sales", "http://localhost:3000/x", "mailto:sales@example.com", "tel:+15551234", "/contact", "contact", "?plan=pro", "#sales", "//example.com/x"]) {
      expect(isSafeLinkHref(href), href).toBe(true);
    }
  });

  it("refuses script and data URLs however they are disguised", () => {
    for (const href of ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "\u0001javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd"]) {
      expect(isSafeLinkHref(href), JSON.stringify(href)).toBe(false);
    }
  });
});
