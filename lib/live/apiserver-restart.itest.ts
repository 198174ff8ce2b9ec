// The real kube-apiserver stopped and started again (devcluster restartApiServer, as an upgrade or a
// crash would) under an open live stream and an open serial console, with etcd compacted while it
// was down. The stream's watch resumes from a version etcd no longer has: 410 Gone, and a relist
// the tab swaps in without a row leaving its list. Both come back by themselves and the person sees
// no error. restart.itest.ts cuts the network instead, which lets changes happen while
// the stream is away. Integration files run one at a time, so no other test sees the outage.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { compactEtcd, restartApiServer } from '../../devcluster/src/cluster.ts';
import { profile } from '../../devcluster/src/config.ts';
import { CLOSE } from '../consoles/close-codes.mjs';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { consoleRig } from '../testing/consoles';
import { tabStream } from '../testing/live';
import { memberOf } from '../testing/viewers';

const admin = new Admin();
let tenant: TestTenant;
let rig: Awaited<ReturnType<typeof consoleRig>> | undefined;
const DEADLINE = { timeout: 30_000, interval: 100 };

beforeAll(async () => {
  tenant = await admin.createTenant(uniqueName('apiserver-restart'));
  rig = await consoleRig(admin, tenant);
});
afterAll(async () => {
  await rig?.close();
  if (tenant) await admin.deleteTenant(tenant.name);
});

it('resumes live streams and consoles after the real kube-apiserver restarts', async () => {
  const { stream, messages, shown, dropped } = tabStream(memberOf(tenant.name, 'viewers').identity);
  const owner = memberOf(tenant.name, 'admins').identity;
  try {
    stream.setSubscriptions([{ model: 'services', namespace: tenant.namespace }]);
    const before = uniqueName('lb');
    await admin.createLoadBalancer(tenant.namespace, before);
    await expect.poll(() => shown.has(before), DEADLINE).toBe(true);
    if (!rig) throw new Error('the console rig did not start');
    const serial = rig.open(owner);
    await serial.reader.readUntil('login: ');

    const resumeFrom = Number(
      messages.findLast((m) => m.type === 'sync')?.list.resourceVersion ?? Infinity,
    );
    const syncsBefore = messages.filter((m) => m.type === 'sync').length;
    let compactedAt = 0;
    await restartApiServer(profile('test'), {
      whileStopped: async () => (compactedAt = await compactEtcd(profile('test'))),
    });
    expect(compactedAt).toBeGreaterThan(resumeFrom);

    // The console's way through kube-apiserver is gone: the browser is told so (and reconnects).
    expect(await serial.closed).toEqual({ code: CLOSE.upstreamLost, reason: 'upstream-lost' });
    await rig.session(owner);
    // The stream carries on: a change after the restart arrives, with nothing reported as wrong.
    const after = uniqueName('lb');
    await admin.createLoadBalancer(tenant.namespace, after);
    await expect.poll(() => shown.has(after) && shown.has(before), DEADLINE).toBe(true);
    // It listed again (the version it watched from was compacted away), and no row blinked out.
    expect(messages.filter((m) => m.type === 'sync').length).toBeGreaterThan(syncsBefore);
    expect(dropped).toEqual([]);
    expect(messages.filter((m) => m.type === 'error' || m.type === 'signedOut')).toEqual([]);
    expect(stream.activeCount()).toBe(1);
  } finally {
    stream.close();
  }
}, 120_000);
