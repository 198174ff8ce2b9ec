import 'server-only';

// A small HTTP(S) client of LINSTOR's controller REST API. Only the dashboard holds its URL, CA and
// bearer token (lib/env.ts); people never see them. Every failure becomes a LinstorError with a
// reason the pages turn into a sentence; raw answers go to the server log only.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

import { serverEnv } from '../env';
import { msg, type Msg } from '../i18n/messages';
import { logError } from '../log';
import type { ApiCallRc } from './types';

export type LinstorFailure =
  'notConfigured' | 'unreachable' | 'timeout' | 'unauthorized' | 'refused' | 'badAnswer';

export class LinstorError extends Error {
  constructor(
    readonly reason: LinstorFailure,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(`LINSTOR ${reason}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'LinstorError';
  }
}

/** The sentence a person reads for a failure (no URL, no raw message). */
export function linstorReason(err: unknown): Msg {
  const reason = err instanceof LinstorError ? err.reason : 'badAnswer';
  return msg(`linstor.error.${reason}`);
}

export interface LinstorConfig {
  url: string;
  ca?: Buffer;
  /** Read per request, so a rotated token file takes effect without a restart. */
  token?: () => string | undefined;
  timeoutMs: number;
}

export type Query = Record<string, string | string[] | number | undefined>;

export class LinstorClient {
  private readonly agent: http.Agent;
  constructor(private readonly cfg: LinstorConfig) {
    // No keep-alive: a controller (or its proxy) closing an idle socket must not turn the next
    // read into "unreachable"; a few requests every few seconds don't need pooled sockets.
    this.agent = cfg.url.startsWith('https:')
      ? new https.Agent({ keepAlive: false, ...(cfg.ca ? { ca: cfg.ca } : {}) })
      : new http.Agent({ keepAlive: false });
  }

  get<T>(path: string, query: Query = {}): Promise<T> {
    const url = new URL(path, this.cfg.url);
    for (const [k, v] of Object.entries(query))
      for (const one of v === undefined ? [] : Array.isArray(v) ? v : [String(v)])
        url.searchParams.append(k, one);
    const token = this.cfg.token?.();
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise<T>((resolve, reject) => {
      const req = lib.request(
        url,
        {
          method: 'GET',
          agent: this.agent,
          timeout: this.cfg.timeoutMs,
          headers: {
            Accept: 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            let body: unknown;
            try {
              body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              return reject(new LinstorError('badAnswer', status));
            }
            if (status >= 200 && status < 300) return resolve(body as T);
            const rc = body as ApiCallRc[];
            reject(
              new LinstorError(
                status === 401 || status === 403 ? 'unauthorized' : 'refused',
                status,
                rc,
              ),
            );
          });
          res.on('error', () => reject(new LinstorError('unreachable')));
        },
      );
      // One deadline for the whole answer, not just the socket's idleness.
      const deadline = setTimeout(
        () => req.destroy(new LinstorError('timeout')),
        this.cfg.timeoutMs,
      );
      req.on('timeout', () => req.destroy(new LinstorError('timeout')));
      req.on('error', (e) =>
        reject(e instanceof LinstorError ? e : new LinstorError('unreachable')),
      );
      req.on('close', () => clearTimeout(deadline));
      req.end();
    });
  }
}

let cached: LinstorClient | null | undefined;

/** The configured client, or null when STRATUS_LINSTOR_URL is unset. */
export function linstorClient(): LinstorClient | null {
  if (cached !== undefined) return cached;
  const env = serverEnv();
  if (!env.STRATUS_LINSTOR_URL) return (cached = null);
  const tokenFile = env.STRATUS_LINSTOR_TOKEN_FILE;
  cached = new LinstorClient({
    url: env.STRATUS_LINSTOR_URL,
    ...(env.STRATUS_LINSTOR_CA_FILE ? { ca: readFileSync(env.STRATUS_LINSTOR_CA_FILE) } : {}),
    token: () => {
      if (!tokenFile) return env.STRATUS_LINSTOR_TOKEN;
      try {
        return readFileSync(tokenFile, 'utf8').trim();
      } catch (e) {
        logError('linstor token file unreadable', e);
        return undefined;
      }
    },
    timeoutMs: env.STRATUS_LINSTOR_TIMEOUT_MS,
  });
  return cached;
}

/** Logs a failure once per call site with what LINSTOR said; returns the person's sentence. */
export function reportLinstor(event: string, err: unknown): Msg {
  logError(event, err, { code: err instanceof LinstorError ? err.reason : 'badAnswer' });
  return linstorReason(err);
}
