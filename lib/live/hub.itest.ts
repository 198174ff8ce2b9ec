// The live stream (lib/live/hub.ts) against the test cluster: list, then watch, as the tab's user.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { KubeClient } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import { Admin, loadBalancer, uniqueName, type TestTenant } from '../testing/admin';
import { idTokenFor } from '../testing/tokens';
import { tabStream } from '../testing/live';
import { memberOf } from '../testing/viewers';
import { openStream, streamStats, type LiveStream, type StreamOptions } from './hub';
import { listFor } from './list';
import { models } from '../k8s/models';
import { subscriptionKey, type LiveEvent, type StreamMessage, type Subscription } from './protocol';

const admin = new Admin();

const DEADLINE = { timeout: 15_000, interval: 25 };

/** A ClusterIP Service: outside the tenant's quota of load balancers, for tests that need many. */
const internalService = (namespace: string, name: string) =>
  admin.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
  } as Parameters<Admin['create']>[0]);

/** A stream whose messages are collected for assertions. */
function collect(identity: Parameters<typeof openStream>[0], opts?: StreamOptions) {
  const messages: StreamMessage[] = [];
  const stream = openStream(identity, (m) => messages.push(m), opts);
  const events = () => messages.flatMap((m): LiveEvent[] => (m.type === 'events' ? m.events : []));
  return { stream, messages, events };
}

describe('LiveStream', () => {
  let own: TestTenant;
  let other: TestTenant;
  const streams: LiveStream[] = [];

  beforeAll(async () => {
    [own, other] = await Promise.all([
      admin.createTenant(uniqueName('it-live')),
      admin.createTenant(uniqueName('it-live-other')),
    ]);
  });
  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  afterAll(async () => {
    await Promise.all([own, other].filter(Boolean).map((t) => admin.deleteTenant(t.name)));
  });

  it('prefetches a first page marked partial, and streams rows, not whole objects, for a row view', async () => {
    const names = [uniqueName('vm'), uniqueName('vm'), uniqueName('vm')];
    for (const n of names) await admin.createVm(own.namespace, n);
    const kube = new KubeClient(memberOf(own.name, 'admins').identity);
    const sub: Subscription = { model: 'virtualmachines', namespace: own.namespace, view: 'rows' };
    const first = await listFor(kube, sub, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.partial).toBe(true);
    expect((await listFor(kube, sub)).partial).toBeUndefined();

    const c = collect(memberOf(own.name, 'admins').identity);
    streams.push(c.stream);
    c.stream.setSubscriptions([sub]);
    await expect
      .poll(
        () => c.messages.find((m) => m.type === 'sync' && m.key === subscriptionKey(sub)),
        DEADLINE,
      )
      .toBeDefined();
    const sync = c.messages.find((m) => m.type === 'sync');
    if (sync?.type !== 'sync') throw new Error('unreachable');
    expect(sync.list.items.map((o) => o.metadata?.name)).toEqual(expect.arrayContaining(names));
    // The projection: no managed fields, no template beyond what the list shows.
    const row = sync.list.items[0];
    expect(row?.metadata?.managedFields).toBeUndefined();
    expect(Object.keys(row?.spec ?? {}).sort()).toEqual(['runStrategy', 'template']);
  });

  it('lists in pages of one snapshot: a partial sync, then pages, the last whole, then events', async () => {
    const names = [uniqueName('svc'), uniqueName('svc'), uniqueName('svc')];
    for (const n of names) await internalService(own.namespace, n);
    const c = collect(memberOf(own.name, 'viewers').identity, { listPage: 2 });
    streams.push(c.stream);
    const sub: Subscription = { model: 'services', namespace: own.namespace };
    const key = subscriptionKey(sub);
    c.stream.setSubscriptions([sub]);
    const pages = () => c.messages.filter((m) => m.type === 'sync' || m.type === 'page');
    await expect.poll(() => pages().find((m) => !m.list.partial), DEADLINE).toBeDefined();
    const got = pages();
    // Pages of 2, then 4, 8…: the first rows at once, then fewer, larger pages.
    expect(got.map((m) => [m.type, m.list.partial ?? false])).toEqual([
      ['sync', true],
      ...got.slice(1, -1).map(() => ['page', true]),
      ['page', false],
    ]);
    expect(got.slice(0, -1).map((m) => m.list.items.length)).toEqual(
      got.slice(0, -1).map((_, i) => 2 * 2 ** i),
    );
    expect(new Set(got.map((m) => m.list.resourceVersion)).size).toBe(1);
    const listed = got.flatMap((m) => m.list.items.map((o) => o.metadata?.name));
    expect(listed).toEqual(expect.arrayContaining(names));
    expect(new Set(listed).size).toBe(listed.length);

    const later = uniqueName('svc');
    await internalService(own.namespace, later);
    await expect
      .poll(() => c.events().find((e) => e.object.metadata?.name === later), DEADLINE)
      .toMatchObject({ key, type: 'ADDED' });
  });

  it('syncs a list, then streams the ADDED and DELETED of a Service created and removed meanwhile', async () => {
    const existing = uniqueName('lb');
    await admin.createLoadBalancer(own.namespace, existing);
    const c = collect(memberOf(own.name, 'admins').identity);
    streams.push(c.stream);
    const sub: Subscription = { model: 'services', namespace: own.namespace };
    const key = subscriptionKey(sub);
    c.stream.setSubscriptions([sub]);

    await expect
      .poll(() => c.messages.find((m) => m.type === 'sync' && m.key === key), DEADLINE)
      .toBeDefined();
    const sync = c.messages.find((m) => m.type === 'sync');
    if (sync?.type !== 'sync') throw new Error('unreachable');
    expect(sync.list.items.map((o) => o.metadata?.name)).toContain(existing);
    expect(sync.list.resourceVersion).toMatch(/^\d+$/);

    const name = uniqueName('lb');
    await admin.createLoadBalancer(own.namespace, name);
    await expect
      .poll(
        () => c.events().find((e) => e.type === 'ADDED' && e.object.metadata?.name === name),
        DEADLINE,
      )
      .toMatchObject({ key, object: { kind: 'Service', spec: { type: 'LoadBalancer' } } });

    await admin.remove(loadBalancer(own.namespace, name));
    await expect
      .poll(
        () => c.events().find((e) => e.type === 'DELETED' && e.object.metadata?.name === name),
        DEADLINE,
      )
      .toMatchObject({ key });
    expect(c.messages.some((m) => m.type === 'error')).toBe(false);
  });

  it('applies the subscription field selector to watch events', async () => {
    const c = collect(memberOf(own.name, 'viewers').identity);
    streams.push(c.stream);
    const sub: Subscription = {
      model: 'services',
      namespace: own.namespace,
      fieldSelector: 'spec.type=LoadBalancer',
    };
    c.stream.setSubscriptions([sub]);
    await expect.poll(() => c.messages.some((m) => m.type === 'sync'), DEADLINE).toBe(true);

    const internal = uniqueName('cip');
    await admin.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: internal, namespace: own.namespace },
      spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
    } as Parameters<Admin['create']>[0]);
    const lb = uniqueName('lb');
    await admin.createLoadBalancer(own.namespace, lb);
    // Events arrive in order, so once the load balancer is here the ClusterIP one would have been.
    await expect
      .poll(() => c.events().some((e) => e.object.metadata?.name === lb), DEADLINE)
      .toBe(true);
    expect(c.events().some((e) => e.object.metadata?.name === internal)).toBe(false);
  });

  it("sends a forbidden error, not data, for another tenant's namespace", async () => {
    await admin.createLoadBalancer(other.namespace, uniqueName('lb'));
    const c = collect(memberOf(own.name, 'admins').identity);
    streams.push(c.stream);
    const sub: Subscription = { model: 'services', namespace: other.namespace };
    c.stream.setSubscriptions([sub]);

    await expect
      .poll(() => c.messages.find((m) => m.type === 'error'), DEADLINE)
      .toEqual({
        type: 'error',
        key: subscriptionKey(sub),
        error: {
          code: 'forbidden',
          status: 403,
          message: "You don't have permission to see services.",
        },
      });
    expect(c.messages.filter((m) => m.type === 'sync' || m.type === 'events')).toEqual([]);
  });

  it('relists a tab whose version the API server has forgotten (a real 410), keeping its rows meanwhile', async () => {
    const names = [uniqueName('vm'), uniqueName('vm'), uniqueName('vm')];
    for (const n of names) await admin.createVm(own.namespace, n);
    const viewer = memberOf(own.name, 'viewers').identity;
    // A custom resource: its watch cache starts at the CRD's creation, so version 1 is always
    // before it. (A built-in's cache starts when the API server does; on a fresh etcd that can be
    // version 1 itself, and then nothing is forgotten.)
    const sub: Subscription = { model: 'virtualmachines', namespace: own.namespace };
    const held = await listFor(new KubeClient(viewer), sub);
    // The tab holds the whole list, but at a version older than the API server's watch window
    // (a tab back from a laptop's sleep, or a watch cut while etcd compacted): 410 Gone, for real.
    const stale = '1';
    let stop: (() => void) | undefined;
    const refused = await new Promise<Error | undefined>((resolve) => {
      const watching = new KubeClient(viewer).watch(
        models.virtualmachines,
        { ...sub, resourceVersion: stale },
        () => {},
        resolve,
      );
      void watching.then((s) => (stop = s));
      // Bounded, so a watch that is not refused fails the assertion below instead of hanging.
      setTimeout(() => resolve(new Error('the watch from version 1 was not refused')), 10_000);
    });
    stop?.();
    expect(refused).toBeInstanceOf(KubeApiError);
    expect(refused instanceof KubeApiError && refused.status).toBe(410);

    const list = vi.spyOn(KubeClient.prototype, 'list');
    const watch = vi.spyOn(KubeClient.prototype, 'watch');
    try {
      const tab = tabStream(viewer, { holding: held, listPage: 2 });
      streams.push(tab.stream);
      tab.stream.setSubscriptions([{ ...sub, resourceVersion: stale }]);
      const pages = () => tab.messages.filter((m) => m.type === 'sync' || m.type === 'page');
      await expect.poll(() => pages().some((m) => !m.list.partial), DEADLINE).toBe(true);
      // One relist, in pages, gathered aside: no row left the list while it came.
      expect(pages()[0]?.list.partial).toBe(true);
      expect(list.mock.calls.length).toBe(pages().length);
      expect(tab.dropped).toEqual([]);
      for (const n of names) expect(tab.shown.has(n)).toBe(true);
      // The next watch starts from the new list's version, not the forgotten one.
      await expect.poll(() => watch.mock.calls.length, DEADLINE).toBe(2);
      expect(watch.mock.calls[1]?.[1].resourceVersion).toBe(pages().at(-1)?.list.resourceVersion);

      const name = uniqueName('vm');
      await admin.createVm(own.namespace, name);
      await expect.poll(() => tab.shown.has(name), DEADLINE).toBe(true);
      expect(tab.messages.some((m) => m.type === 'error')).toBe(false);
    } finally {
      list.mockRestore();
      watch.mockRestore();
    }
  });

  it('asks the tab to renew an ID token about to run out, and watches on with the new one', async () => {
    const who = memberOf(own.name, 'admins');
    const token = (ttl: number) => {
      const t = idTokenFor({ email: who.email, groups: who.groups, ttl });
      return { ...who.identity, token: t.token, tokenExpiresAt: t.expiresAt };
    };
    const first = token(9);
    const c = collect(first);
    streams.push(c.stream);
    c.stream.setSubscriptions([{ model: 'services', namespace: own.namespace }]);
    // A third of the lifetime before it ends (at most a minute), the stream asks.
    await expect.poll(() => c.messages.some((m) => m.type === 'renew'), DEADLINE).toBe(true);
    const renewed = token(3600);
    // Another person's credential is never taken.
    c.stream.renew({ ...token(3600), username: 'oidc:someone-else@tests.example' });
    expect(c.stream.identity.token).not.toBe(renewed.token);
    c.stream.renew(renewed);
    expect(c.stream.kube.identity?.token).toBe(renewed.token);

    // Past the first token's expiry the stream still delivers.
    await expect
      .poll(() => Date.now(), DEADLINE)
      .toBeGreaterThan((first.tokenExpiresAt ?? 0) + 1_000);
    const name = uniqueName('lb');
    await admin.createLoadBalancer(own.namespace, name);
    await expect
      .poll(() => c.events().some((e) => e.object.metadata?.name === name), DEADLINE)
      .toBe(true);
    expect(c.messages.some((m) => m.type === 'signedOut' || m.type === 'error')).toBe(false);
  });

  it('ends with signedOut when a watch would restart with an expired token nobody renews', async () => {
    const who = memberOf(own.name, 'admins');
    const t = idTokenFor({ email: who.email, groups: who.groups, ttl: 7 });
    // The first watch ends (as the API server ends watches after their timeout) while the token
    // has only seconds left: the restart asks for a renewal, and none comes.
    const watch = vi.spyOn(KubeClient.prototype, 'watch');
    watch.mockImplementationOnce(async (_m, _opts, _onEvent, onEnd) => {
      setTimeout(() => onEnd(), 3_000);
      return () => {};
    });
    try {
      const c = collect({ ...who.identity, token: t.token, tokenExpiresAt: t.expiresAt });
      streams.push(c.stream);
      c.stream.setSubscriptions([{ model: 'services', namespace: own.namespace }]);
      await expect.poll(() => c.messages.some((m) => m.type === 'renew'), DEADLINE).toBe(true);
      await expect
        .poll(() => c.messages.at(-1)?.type, { ...DEADLINE, timeout: 30_000 })
        .toBe('signedOut');
      expect(c.stream.closed).toBe(true);
    } finally {
      watch.mockRestore();
    }
  });

  it('stops watching when a subscription is dropped or the stream is closed', async () => {
    const base = streamStats();
    const c = collect(memberOf(own.name, 'admins').identity);
    expect(streamStats().streams).toBe(base.streams + 1);
    c.stream.setSubscriptions([
      { model: 'services', namespace: own.namespace },
      { model: 'virtualmachines', namespace: own.namespace },
    ]);
    expect(streamStats().subscriptions).toBe(base.subscriptions + 2);
    await expect.poll(() => c.messages.filter((m) => m.type === 'sync').length, DEADLINE).toBe(2);

    c.stream.setSubscriptions([{ model: 'virtualmachines', namespace: own.namespace }]);
    expect(c.stream.subscriptionCount()).toBe(1);
    const seen = c.messages.length;
    c.stream.close();
    expect(streamStats()).toEqual(base);

    // Nothing is written after close, even when the cluster changes.
    const name = uniqueName('lb');
    await admin.createLoadBalancer(own.namespace, name);
    const probe = collect(memberOf(own.name, 'admins').identity);
    streams.push(probe.stream);
    probe.stream.setSubscriptions([{ model: 'services', namespace: own.namespace }]);
    await expect
      .poll(
        () =>
          probe.messages.some(
            (m) => m.type === 'sync' && m.list.items.some((o) => o.metadata?.name === name),
          ),
        DEADLINE,
      )
      .toBe(true);
    expect(c.messages.length).toBe(seen);
  });

  it("watches from the tab's resourceVersion instead of listing again", async () => {
    const kube = new KubeClient(memberOf(own.name, 'admins').identity);
    const sub: Subscription = { model: 'services', namespace: own.namespace };
    // What the page prefetched: the list and the version it is at.
    const prefetched = await kube.list(models.services, { namespace: own.namespace });
    const created = uniqueName('lb');
    await admin.createLoadBalancer(own.namespace, created);
    const list = vi.spyOn(KubeClient.prototype, 'list');
    try {
      const c = collect(memberOf(own.name, 'admins').identity);
      streams.push(c.stream);
      c.stream.setSubscriptions([{ ...sub, resourceVersion: prefetched.metadata.resourceVersion }]);
      // The change made after the prefetch arrives as an event, without a second LIST.
      await expect
        .poll(() => c.events().some((e) => e.object.metadata?.name === created), DEADLINE)
        .toBe(true);
      expect(list).not.toHaveBeenCalled();
      expect(c.messages.some((m) => m.type === 'sync')).toBe(false);
    } finally {
      list.mockRestore();
    }
  });

  it('reports a selector the API server refuses once, and does not retry it', async () => {
    const watch = vi.spyOn(KubeClient.prototype, 'list');
    try {
      const c = collect(memberOf(own.name, 'admins').identity);
      streams.push(c.stream);
      const sub: Subscription = {
        model: 'services',
        namespace: own.namespace,
        labelSelector: 'not a selector!!',
      };
      c.stream.setSubscriptions([sub]);
      await expect
        .poll(() => c.messages.find((m) => m.type === 'error'), DEADLINE)
        .toMatchObject({ type: 'error', key: subscriptionKey(sub), error: { code: 'invalid' } });
      // Given up for good: the watcher ended, after exactly one attempt.
      await expect.poll(() => c.stream.activeCount(), DEADLINE).toBe(0);
      expect(c.stream.subscriptionCount()).toBe(1);
      expect(
        watch.mock.calls.filter((call) => call[1]?.labelSelector === sub.labelSelector),
      ).toHaveLength(1);
    } finally {
      watch.mockRestore();
    }
  });
});
