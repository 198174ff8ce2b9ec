// The API server restarting under an open live stream: a proxy in front of the test API server
// (lib/testing/fault-proxy.ts) cuts every connection, refuses new ones for a while, then serves again.
// The stream (lib/live/hub) resumes by itself: what changed while it was away arrives with its
// relist, later changes as events, and the person sees no error.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { Admin, loadBalancer, uniqueName, type TestTenant } from '../testing/admin';
import { apiServerProxy, type FaultProxy } from '../testing/fault-proxy';
import { tabStream } from '../testing/live';
import { memberOf } from '../testing/viewers';
import type { Subscription } from './protocol';

const admin = new Admin();
let tenant: TestTenant;
let proxy: FaultProxy;
const DEADLINE = { timeout: 20_000, interval: 50 };

beforeAll(async () => {
  tenant = await admin.createTenant(uniqueName('restart'));
  const aimed = await apiServerProxy();
  proxy = aimed.proxy;
  // The dashboard's own connection settings: every stream opened below goes through the proxy.
  process.env.STRATUS_KUBECONFIG = aimed.kubeconfig;
});
afterAll(async () => {
  await proxy?.close();
  if (tenant) await admin.deleteTenant(tenant.name);
});

it('resumes a live stream after the API server drops out, delivering what changed meanwhile and after', async () => {
  const { stream, messages, shown } = tabStream(memberOf(tenant.name, 'viewers').identity);
  try {
    const sub: Subscription = { model: 'services', namespace: tenant.namespace };
    stream.setSubscriptions([sub]);
    await expect.poll(() => messages.some((m) => m.type === 'sync'), DEADLINE).toBe(true);
    const before = uniqueName('lb');
    await admin.createLoadBalancer(tenant.namespace, before);
    await expect.poll(() => shown.has(before), DEADLINE).toBe(true);
    const syncs = messages.filter((m) => m.type === 'sync').length;

    // Down for 2 s; meanwhile one Service appears and one goes, straight on the real API server.
    const restored = proxy.cutNow(2_000);
    const during = uniqueName('lb');
    await admin.createLoadBalancer(tenant.namespace, during);
    await admin.remove(loadBalancer(tenant.namespace, before));
    await restored;

    await expect.poll(() => shown.has(during) && !shown.has(before), DEADLINE).toBe(true);
    // It came back by listing again, not by a reload of the tab.
    expect(messages.filter((m) => m.type === 'sync').length).toBeGreaterThan(syncs);
    const after = uniqueName('lb');
    await admin.createLoadBalancer(tenant.namespace, after);
    await expect.poll(() => shown.has(after), DEADLINE).toBe(true);
    expect(messages.filter((m) => m.type === 'error' || m.type === 'signedOut')).toEqual([]);
    expect(stream.activeCount()).toBe(1);
  } finally {
    stream.close();
  }
});
