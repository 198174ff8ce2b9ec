// Kubernetes resource quantities ("2Ti", "500m", "10") as numbers, and back as readable text. Pure.
const suffixes: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};

export function parseQuantity(q: string): number | undefined {
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(q.trim());
  if (!m || !m[1]) return undefined;
  const mult = m[2] ? suffixes[m[2]] : 1;
  return mult === undefined ? undefined : Number(m[1]) * mult;
}

/** Bytes as GiB or TiB with at most one decimal. */
export function formatBytes(n: number): string {
  const round = (x: number) => String(Math.round(x * 10) / 10);
  return n >= 2 ** 40 ? `${round(n / 2 ** 40)} TiB` : `${round(n / 2 ** 30)} GiB`;
}
