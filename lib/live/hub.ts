import 'server-only';

import { english } from '../i18n/catalogs';
import { msg, type Translate } from '../i18n/messages';
import { KubeApiError, toUserError } from '../k8s/errors';
import { logError } from '../log';
import { kubeFor, type KubeClient } from '../k8s/client';
import type { KubeIdentity } from '../k8s/identity';
import { models } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import { projectionOf } from './projections';
import { newStreamId } from './replicas';
import {
  listData,
  subscriptionKey,
  type LiveEvent,
  type LiveSubscription,
  type StreamMessage,
} from './protocol';

/** Server batches events for this long before sending, so a burst becomes one cache update. */
const FLUSH_MS = 40;
const MAX_BACKOFF_MS = 30_000;
/** A 403 where this person was just watching is retried this long before it is shown. */
const REFUSAL_GRACE_MS = 10_000;
/**
 * A (re)list goes in pages, each sent as it arrives: the first of this many, so the first rows of a
 * long list reach the tab at once (client-go lists by 500 too); then each twice the last, up to
 * LIST_PAGE_MAX, so 20,000 objects are 7 pages (7 renders of the list, not 40), none held whole.
 */
export const LIST_PAGE = 500;
const LIST_PAGE_MAX = 5_000;

export interface StreamOptions {
  /** When the session ends (ms since epoch): the stream says `signedOut` and closes then. */
  expiresAt?: number;
  /** The person's language, for the errors the stream reports. */
  t?: Translate;
  /** Called once the stream has closed itself (expiry), so the transport can end too. */
  onClose?: () => void;
  /** The sign-in this stream belongs to: signing out closes it. */
  sessionId?: string;
  /** Asked before every watch restart: is the session still good (not signed out)? */
  stillSignedIn?: () => Promise<boolean>;
  /** Objects per page of a (re)list; default LIST_PAGE (tests page small lists). */
  listPage?: number;
}

/** How long a watch restart waits for the tab to renew an expired ID token before signing out. */
const RENEW_WAIT_MS = 15_000;

/**
 * One live stream per browser tab. Each subscription watches as the tab's user from the
 * resourceVersion the tab's cached list is at (or lists first when it has none); 410 Gone relists,
 * a closed watch resumes from the last resourceVersion, transient failures back off, and refusals
 * (401/403/404, a 400 for a bad selector) are reported once and not retried.
 */
export class LiveStream {
  readonly id = newStreamId();
  kube: KubeClient;
  private readonly subs = new Map<string, Watcher>();
  private pending: LiveEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private expiry: NodeJS.Timeout | undefined;
  readonly t: Translate;
  readonly sessionId: string | undefined;
  readonly listPage: number;
  closed = false;
  private renewTimer: NodeJS.Timeout | undefined;
  private renewed = new Set<() => void>();

  constructor(
    public identity: KubeIdentity,
    private readonly write: (msg: StreamMessage) => void,
    private readonly opts: StreamOptions = {},
  ) {
    this.kube = kubeFor(identity);
    this.t = opts.t ?? english;
    this.sessionId = opts.sessionId;
    this.listPage = opts.listPage ?? LIST_PAGE;
    if (opts.expiresAt !== undefined) {
      // setTimeout's delay is a 32-bit int; a longer session is re-checked when the timer fires.
      const arm = () => {
        const left = (opts.expiresAt ?? 0) - Date.now();
        if (left <= 0) return this.signOut();
        this.expiry = setTimeout(arm, Math.min(left, 2 ** 31 - 1));
      };
      arm();
    }
    this.armRenewal();
  }

  /**
   * The person's ID token (passthrough) runs out long before the session: ask the tab, a while
   * before, to renew it (it re-sends its subscriptions, which carries the refreshed cookie, see
   * renew). The stream itself never refreshes: only a request can write the cookie.
   */
  private armRenewal(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    const exp = this.identity.tokenExpiresAt;
    if (!this.identity.token || exp === undefined || this.closed) return;
    const left = exp - Date.now();
    const ask = Math.max(0, left - Math.min(60_000, left / 3));
    this.renewTimer = setTimeout(() => this.send({ type: 'renew' }), Math.min(ask, 2 ** 31 - 1));
  }

  /** A current credential for the same person (from a request that carried the session). */
  renew(identity: KubeIdentity): void {
    if (identity.username !== this.identity.username || this.closed) return;
    if ((identity.tokenExpiresAt ?? 0) < (this.identity.tokenExpiresAt ?? 0)) return;
    this.identity = identity;
    this.kube = kubeFor(identity);
    this.armRenewal();
    for (const r of this.renewed) r();
    this.renewed.clear();
  }

  /** Before a watch or list starts: a token that still holds, asking the tab for one if not. */
  async credentialHolds(): Promise<boolean> {
    const expired = () =>
      !!this.identity.token && (this.identity.tokenExpiresAt ?? 0) <= Date.now() + 5_000;
    if (!expired()) return true;
    this.send({ type: 'renew' });
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.renewed.delete(done);
        resolve();
      };
      const timer = setTimeout(done, RENEW_WAIT_MS);
      this.renewed.add(done);
    });
    return !expired();
  }

  /** Re-checks the session (expiry, sign-out) where a watch would start again. */
  async stillSignedIn(): Promise<boolean> {
    if (this.opts.expiresAt !== undefined && this.opts.expiresAt <= Date.now()) return false;
    return this.opts.stillSignedIn ? this.opts.stillSignedIn() : true;
  }

  /** The session is over: say so, stop watching, and let the transport close. */
  signOut(): void {
    if (this.closed) return;
    this.send({ type: 'signedOut' });
    this.close();
    this.opts.onClose?.();
  }

  send(msg: StreamMessage): void {
    if (!this.closed) this.write(msg);
  }

  queue(ev: LiveEvent): void {
    this.pending.push(ev);
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    if (!this.pending.length) return;
    const events = this.pending;
    this.pending = [];
    this.send({ type: 'events', events });
  }

  setSubscriptions(list: LiveSubscription[]): void {
    const wanted = new Map(list.map((s) => [subscriptionKey(s), s]));
    for (const [key, w] of this.subs) {
      if (!wanted.has(key)) {
        w.stop();
        this.subs.delete(key);
      }
    }
    for (const [key, s] of wanted) {
      if (!this.subs.has(key)) {
        const w = new Watcher(this, key, s);
        this.subs.set(key, w);
        void w.run().finally(() => (w.ended = true));
      }
    }
  }

  subscriptionCount(): number {
    return this.subs.size;
  }

  /** Subscriptions still watching (one refused for good has ended). */
  activeCount(): number {
    return [...this.subs.values()].filter((w) => !w.ended).length;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.expiry) clearTimeout(this.expiry);
    if (this.renewTimer) clearTimeout(this.renewTimer);
    for (const r of this.renewed) r();
    for (const w of this.subs.values()) w.stop();
    this.subs.clear();
    hub().streams.delete(this.id);
  }
}

class Watcher {
  ended = false;
  private stopped = false;
  private cancel: (() => void) | undefined;
  /** Resolves whatever run() is waiting on (a watch or a backoff), so stop() ends it at once. */
  private wake: (() => void) | undefined;

  constructor(
    private readonly stream: LiveStream,
    private readonly key: string,
    private readonly sub: LiveSubscription,
  ) {}

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.wake?.();
  }

  async run(): Promise<void> {
    const model = models[this.sub.model];
    const scope = {
      namespace: this.sub.namespace,
      labelSelector: this.sub.labelSelector,
      fieldSelector: this.sub.fieldSelector,
    };
    const project = projectionOf(this.sub) ?? ((o: KubeObject) => o);
    let backoff = 500;
    // The tab's cached list is at this version: watch from it instead of listing again.
    let rv: string | undefined = this.sub.resourceVersion;
    let first = true;
    // Once the API server has let this person list or watch here, a refusal may be passing (a
    // restarting API server answers 403 until its RBAC caches fill): it is reported, then retried.
    let allowed = false;
    let reported = false;
    let refusedSince: number | undefined;
    const granted = () => {
      allowed = true;
      reported = false;
      refusedSince = undefined;
    };
    while (!this.stopped) {
      // Every restart (not the first start) asks again whether the session still holds, and
      // every start needs a current ID token (passthrough).
      if (!first && !(await this.stream.stillSignedIn())) return this.stream.signOut();
      first = false;
      if (!(await this.stream.credentialHolds())) return this.stream.signOut();
      if (this.stopped) return;
      const kube = this.stream.kube;
      try {
        if (rv === undefined) {
          // Later pages continue the first one's snapshot; an expired continue token is a 410,
          // which lists again from the start (a new sync replaces the pages so far).
          let cont: string | undefined;
          let type: 'sync' | 'page' = 'sync';
          let at = '';
          let limit = this.stream.listPage;
          do {
            const list = await kube.list(model, { ...scope, limit, continue: cont });
            limit = Math.min(limit * 2, Math.max(LIST_PAGE_MAX, this.stream.listPage));
            if (this.stopped) return;
            cont = list.metadata.continue || undefined;
            at = list.metadata.resourceVersion ?? '';
            this.stream.send({
              type,
              key: this.key,
              list: listData(list, list.items.map(project)),
            });
            type = 'page';
          } while (cont);
          rv = at;
          granted();
        }
        const err = await new Promise<Error | undefined>((resolve) => {
          this.wake = () => resolve(undefined);
          kube
            .watch(
              model,
              { ...scope, resourceVersion: rv ?? '' },
              (ev) => {
                rv = ev.object.metadata?.resourceVersion ?? rv;
                backoff = 500;
                granted();
                if (ev.type !== 'BOOKMARK' && ev.type !== 'ERROR')
                  this.stream.queue({ key: this.key, type: ev.type, object: project(ev.object) });
              },
              resolve,
            )
            .then((cancel) => {
              this.cancel = cancel;
              if (this.stopped) cancel();
            }, resolve);
        });
        if (this.stopped) return;
        if (!err) {
          granted();
          continue; // the server closed a healthy watch: resume from rv
        }
        throw err;
      } catch (err) {
        if (this.stopped) return;
        if (err instanceof KubeApiError && err.status === 410) {
          rv = undefined; // too old: relist
          continue;
        }
        const passing = allowed && err instanceof KubeApiError && err.status === 403;
        if (passing) refusedSince ??= Date.now();
        // A refusal that has lasted, or a bad request: say it once. Only a passing one is retried.
        const lasting = !passing || Date.now() - (refusedSince ?? 0) >= REFUSAL_GRACE_MS;
        if (err instanceof KubeApiError && err.status < 500 && err.status !== 429) {
          if (err.status === 400 || err.status === 422)
            logError('watch refused', err, { subscription: this.key });
          if (!reported && lasting)
            this.stream.send({
              type: 'error',
              key: this.key,
              error: toUserError(
                err,
                {
                  action: msg('action.see', { kinds: { key: model.labelPlural, lower: true } }),
                  kind: model.kind,
                },
                this.stream.t,
              ),
            });
          reported ||= lasting;
          if (!passing) return;
        }
        rv = undefined;
        await new Promise<void>((r) => {
          this.wake = r;
          setTimeout(r, backoff);
        });
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }
}

interface Hub {
  streams: Map<string, LiveStream>;
}

// Route handlers may be bundled separately; one process-wide registry keeps streams findable.
function hub(): Hub {
  const g = globalThis as typeof globalThis & { __stratusLiveHub?: Hub };
  g.__stratusLiveHub ??= { streams: new Map() };
  return g.__stratusLiveHub;
}

/** Open streams one person may hold at once (tabs); a new one beyond it is refused. */
export const MAX_STREAMS_PER_PERSON = 16;

export function streamsOf(username: string): number {
  let n = 0;
  for (const s of hub().streams.values()) if (s.identity.username === username) n++;
  return n;
}

export function openStream(
  identity: KubeIdentity,
  write: (msg: StreamMessage) => void,
  opts: StreamOptions = {},
): LiveStream {
  const s = new LiveStream(identity, write, opts);
  hub().streams.set(s.id, s);
  return s;
}

/** A signed-out session's streams end at once, on this replica. */
export function signOutSession(sessionId: string): void {
  for (const s of hub().streams.values()) if (s.sessionId === sessionId) s.signOut();
}

/** The stream, if it exists and belongs to this identity (a stream id is not a credential). */
export function findStream(id: string, identity: KubeIdentity): LiveStream | undefined {
  const s = hub().streams.get(id);
  if (!s || s.identity.username !== identity.username) return undefined;
  return s;
}

export function streamStats(): { streams: number; subscriptions: number } {
  let subscriptions = 0;
  for (const s of hub().streams.values()) subscriptions += s.subscriptionCount();
  return { streams: hub().streams.size, subscriptions };
}
