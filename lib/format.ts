// Small display helpers shared by tables and detail pages. Pure.
import type { Translate } from './i18n/messages';
import type { DisplayColumn } from './k8s/models';

export function age(iso: string | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const s = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  // Like kubectl: minutes up to three hours, then hours, then days.
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/** Reads a dotted path ("status.phase", "a.0.b") out of an object. */
export function pick(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function display(v: unknown, t: Translate): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

interface Port {
  port?: number;
  protocol?: string;
}
interface Ingress {
  ip?: string;
  hostname?: string;
}

/** One registry column's value as text, in the person's language. */
export function formatColumn(obj: unknown, c: DisplayColumn, t: Translate): string {
  const v = pick(obj, c.path);
  switch (c.format) {
    case 'age':
      return age(typeof v === 'string' ? v : undefined);
    case 'ports':
      return Array.isArray(v)
        ? (v as Port[]).map((p) => `${p.port ?? '?'}/${p.protocol ?? 'TCP'}`).join(', ') || '—'
        : '—';
    case 'ingress':
      return Array.isArray(v)
        ? (v as Ingress[]).map((i) => i.ip ?? i.hostname ?? '').join(', ') || t('common.pending')
        : t('common.pending');
    default:
      return display(v, t);
  }
}
