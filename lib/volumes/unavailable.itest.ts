// LINSTOR unreachable: the volume pages still read and write through Kubernetes, and replica health
// says "unavailable" with the reason. This file points the dashboard at a port nobody listens on.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { english } from '../i18n/messages';
import { kubeFor } from '../k8s/client';
import { models } from '../k8s/models';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { memberOf } from '../testing/viewers';
import { createVolumeSchema } from './schema';

// Before anything reads the settings (they are read once, lazily).
process.env.STRATUS_LINSTOR_URL = 'https://127.0.0.1:1';

const admin = new Admin();
let a: TestTenant;

beforeAll(async () => {
  a = await admin.createTenant(uniqueName('volu'));
});
afterAll(async () => {
  await admin.deleteTenant(a.name);
});

it('keeps volumes working and says why replica health is unavailable', async () => {
  const { createVolume, volumeHealth } = await import('./server');
  const kube = kubeFor(memberOf(a.name, 'admins').identity);
  const name = uniqueName('data');
  await createVolume(
    kube,
    a.namespace,
    createVolumeSchema.parse({ name, sizeGi: 1, storageClass: 'replicated' }),
  );
  const deadline = Date.now() + 20_000;
  while (
    (await kube.get(models.persistentvolumeclaims, a.namespace, name)).status?.phase !== 'Bound'
  ) {
    if (Date.now() > deadline) throw new Error('claim never bound');
    await new Promise((r) => setTimeout(r, 100));
  }
  const h = await volumeHealth(kube, a.namespace);
  expect(h.ok).toBe(false);
  expect(!h.ok && english(h.reason)).toBe('The LINSTOR controller cannot be reached right now.');
});
