// Kubernetes versions tenants may run, and the upgrade rules. Pure.
import { msg, type Msg } from '../i18n/messages';

export interface Semver {
  major: number;
  minor: number;
  patch: number;
}

export function parseVersion(v: string): Semver | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(v.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return a.localeCompare(b);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

export type UpgradeCheck = { ok: true } | { ok: false; reason: Msg };

/** Kubernetes supports one minor step at a time and never going back. */
export function checkUpgrade(from: string, to: string, supported: string[]): UpgradeCheck {
  const a = parseVersion(from);
  const b = parseVersion(to);
  if (!b || !supported.includes(to))
    return { ok: false, reason: msg('clusters.upgrade.unsupported', { to }) };
  if (!a) return { ok: true };
  const cmp = compareVersions(to, from);
  if (cmp === 0) return { ok: false, reason: msg('clusters.upgrade.same', { from }) };
  if (cmp < 0) return { ok: false, reason: msg('clusters.upgrade.downgrade', { from, to }) };
  if (b.major !== a.major || b.minor - a.minor > 1) {
    return {
      ok: false,
      reason: msg('clusters.upgrade.oneMinor', { from, next: `v${a.major}.${a.minor + 1}.x` }),
    };
  }
  return { ok: true };
}

/** The versions a cluster on `from` may move to now. */
export function upgradeTargets(from: string, supported: string[]): string[] {
  return supported.filter((v) => checkUpgrade(from, v, supported).ok).sort(compareVersions);
}
