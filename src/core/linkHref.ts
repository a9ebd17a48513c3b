/**
 * Whether a URL may become a link's `href`. A link target can come from the backend's data (a plan's
 * `metadata.contactSalesUrl`), and React 18 renders a `javascript:` href as given (React 19 replaces
 * it, React 18 only warns): a script URL from data would run on the customer's click. Web, mail and
 * phone links and relative paths pass; every other scheme (`javascript:`, `data:`, `vbscript:`…) does not.
 */
const LINK_PROTOCOLS = ["http:", "https:", "mailto:", "tel:"];

export function isSafeLinkHref(href: string): boolean {
  try {
    // The URL parser strips the spaces and control characters a browser strips, so " javascript:"
    // and "java\tscript:" are seen as the script URLs they are.
    return LINK_PROTOCOLS.includes(new URL(href, "https://relative.invalid/").protocol);
  } catch {
    return false;
  }
}
