import 'server-only';

import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

// With several replicas a tab's stream lives on one of them while its subscription changes may reach
// any. A stream id then names its replica (STRATUS_REPLICA_URL, the pod's own address), signed with
// the session secret so no one can point a replica at another host; a replica that does not hold the
// stream forwards the change there.

const sign = (secret: string, text: string) =>
  createHmac('sha256', `stratus-live:${secret}`).update(text).digest('base64url');

export interface ReplicaSettings {
  /** This replica's address as the others reach it (unset: one replica, plain ids). */
  url?: string;
  secret: string;
}

export function replicaSettings(): ReplicaSettings {
  return {
    url: process.env.STRATUS_REPLICA_URL || undefined,
    secret: process.env.NEXTAUTH_SECRET ?? '',
  };
}

export function newStreamId(s: ReplicaSettings = replicaSettings()): string {
  const id = randomUUID();
  if (!s.url) return id;
  const home = Buffer.from(s.url).toString('base64url');
  return `${id}.${home}.${sign(s.secret, `${id}.${home}`)}`;
}

/** The replica that holds a stream, when it is another one and the id is genuine. */
export function streamHome(
  streamId: string,
  s: ReplicaSettings = replicaSettings(),
): string | undefined {
  const [id, home, mac, ...rest] = streamId.split('.');
  if (!id || !home || !mac || rest.length > 0 || !s.secret) return undefined;
  const want = Buffer.from(sign(s.secret, `${id}.${home}`));
  const got = Buffer.from(mac);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
  const url = Buffer.from(home, 'base64url').toString('utf8');
  if (!/^https?:\/\/[^/?#]+$/.test(url) || url === s.url) return undefined;
  return url;
}

/** Marks a forwarded request, so it is never forwarded again. */
export const FORWARDED_HEADER = 'x-stratus-forwarded';
