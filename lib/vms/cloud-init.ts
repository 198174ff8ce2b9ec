// A VM's cloud-init user data: the person's #cloud-config with the SSH keys merged in. Pure.
import { isMap, parseDocument, stringify } from 'yaml';

/** KubeVirt's admission refuses inline user data above this (cloudInitUserMaxLen). */
export const USER_DATA_MAX_BYTES = 2048;

export type CloudInitProblem = 'header' | 'yaml' | 'notMap' | 'tooLarge';

/** Why the person's user data can't be used, or undefined. Empty is fine. */
export function cloudInitProblem(text: string): CloudInitProblem | undefined {
  if (!text.trim()) return undefined;
  if (Buffer.byteLength(text) > USER_DATA_MAX_BYTES) return 'tooLarge';
  if (!text.startsWith('#cloud-config')) return 'header';
  const doc = parseDocument(text);
  if (doc.errors.length) return 'yaml';
  if (doc.contents !== null && !isMap(doc.contents)) return 'notMap';
  return undefined;
}

/** The user data the VM boots with, or undefined when there is nothing to say. */
export function userData(text: string, keys: string[]): string | undefined {
  if (!text.trim() && !keys.length) return undefined;
  const doc = text.trim() ? parseDocument(text) : undefined;
  const base = (doc?.toJSON() ?? {}) as Record<string, unknown>;
  const existing = Array.isArray(base.ssh_authorized_keys)
    ? base.ssh_authorized_keys.filter((k): k is string => typeof k === 'string')
    : [];
  const merged = [...new Set([...existing, ...keys])];
  const out = merged.length ? { ...base, ssh_authorized_keys: merged } : base;
  return `#cloud-config\n${stringify(out, { lineWidth: 0 })}`;
}
