// A slow LINSTOR controller: a proxy in front of the devcluster's LINSTOR REST API stand-in holds
// every request back for longer than the dashboard waits. Replica health then says, in the person's
// language, that LINSTOR did not answer in time — within the configured timeout, not LINSTOR's.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { english, translator } from '../i18n/catalogs';
import { msg } from '../i18n/messages';
import { kubeFor } from '../k8s/client';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { linstorProxy, type FaultProxy } from '../testing/fault-proxy';
import { memberOf } from '../testing/viewers';
import { createBoundVolume } from '../testing/volumes';

const TIMEOUT_MS = 1_000;
const admin = new Admin();
let a: TestTenant;
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await linstorProxy();
  // Before anything reads the settings (they are read once, lazily).
  process.env.STRATUS_LINSTOR_URL = proxy.url;
  process.env.STRATUS_LINSTOR_TIMEOUT_MS = String(TIMEOUT_MS);
  a = await admin.createTenant(uniqueName('slowl'));
});
afterAll(async () => {
  await proxy?.close();
  if (a) await admin.deleteTenant(a.name);
});

it('says LINSTOR did not answer in time, within the dashboard timeout', async () => {
  const { volumeHealth } = await import('./server');
  const kube = kubeFor(memberOf(a.name, 'admins').identity);
  await createBoundVolume(kube, a.namespace, uniqueName('data'));
  // Through the proxy, unhurried: the replicas are read.
  const healthy = await volumeHealth(kube, a.namespace);
  expect(healthy.ok).toBe(true);
  expect(proxy.requests).toBeGreaterThan(0);

  proxy.latencyMs = 4 * TIMEOUT_MS;
  const started = Date.now();
  const slow = await volumeHealth(kube, a.namespace);
  const took = Date.now() - started;
  expect(slow.ok).toBe(false);
  const reason = !slow.ok ? slow.reason : msg('linstor.error.badAnswer');
  expect(reason).toEqual(msg('linstor.error.timeout'));
  expect(english(reason)).toBe('The LINSTOR controller did not answer in time.');
  expect(translator('ru')(reason)).toBe('Контроллер LINSTOR не ответил вовремя.');
  expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS);
  expect(took).toBeLessThan(3 * TIMEOUT_MS);
});
