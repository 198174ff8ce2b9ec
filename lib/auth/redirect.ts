// Where sign-in may send a person afterwards: this dashboard's own pages, nothing else. Pure.

/** The target for `url`, or the dashboard's home when it is another site or not a URL at all. */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    // Resolve first, then compare origins: "/\\evil.example" or "/\t/evil.example" are paths to a
    // string check and another site to the URL parser.
    const target = new URL(url, baseUrl);
    return target.origin === new URL(baseUrl).origin ? target.href : baseUrl;
  } catch {
    return baseUrl;
  }
}

/** The same rule for a path kept in a link (the sign-in page's return path). */
export function safeReturnPath(url: string | undefined, baseUrl: string): string {
  const target = new URL(safeRedirect(url ?? '/', baseUrl));
  return `${target.pathname}${target.search}${target.hash}`;
}
