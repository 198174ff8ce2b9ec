// LINSTOR unreachable: the volume pages still read and write through Kubernetes, and replica health
// says "unavailable" with the reason. This file points the dashboard at a port nobody listens on.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { kubeFor } from '../k8s/client';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { memberOf } from '../testing/viewers';
import { createBoundVolume } from '../testing/volumes';

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
  const { volumeHealth } = await import('./server');
  const kube = kubeFor(memberOf(a.name, 'admins').identity);
  await createBoundVolume(kube, a.namespace, uniqueName('data'));
  const h = await volumeHealth(kube, a.namespace);
  expect(h.ok).toBe(false);
  expect(!h.ok && english(h.reason)).toBe('The LINSTOR controller cannot be reached right now.');
});
