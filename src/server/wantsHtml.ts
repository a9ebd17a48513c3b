/** Browsers navigating (form posts, links) ask for HTML; fetch() and API clients do not. */
export function wantsHtml(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/html");
}
