// Where sign-in may send a person afterwards: this dashboard's own pages, nothing else. Pure.

/** The target for `url`, or the dashboard's home when it is another site or not a URL at all. */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    if (url.startsWith('/') && !url.startsWith('//')) return new URL(url, baseUrl).href;
    return new URL(url).origin === new URL(baseUrl).origin ? url : baseUrl;
  } catch {
    return baseUrl;
  }
}
