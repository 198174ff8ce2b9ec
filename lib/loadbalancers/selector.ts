// The form's label selector text. Pure.

/** "app=web, tier=front": label pairs; keys may carry a DNS prefix. */
export function parseSelector(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.length) return undefined;
  for (const part of parts) {
    const m =
      /^((?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)\s*=\s*([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/.exec(
        part,
      );
    if (!m?.[1] || m[1].length > 316 || (m[4]?.length ?? 0) > 63) return undefined;
    out[m[1]] = m[4] ?? '';
  }
  return out;
}
