// Volumes end to end, on LINSTOR: create one and see it Bound with its replicas in sync, expand it,
// snapshot and restore it; stop a node's satellite and see the replica go Outdated and the volume
// marked degraded, then come back. Bad input gets sentences and creates nothing.
import type { KubernetesObject } from '@kubernetes/client-node';

import { expect, test } from './fixtures';
import { CreateVolumePage, VolumeListPage, VolumePage } from './pages/volumes';

// Bob's tenant: acme's volume count belongs to the live overview test.
const TENANT = 'globex';
const NS = 'tenant-globex';
const claim = (name: string): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: NS },
});
const satellite = (node: string, state: string): KubernetesObject =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node, annotations: { 'linstor.stratus.dev/satellite': state } },
  }) as KubernetesObject;

test('a tenant admin creates, expands, snapshots and restores a volume and sees its replicas', async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const page = await as('bob');
  const name = uniqueName('vol');
  const restored = `${name}-restored`;
  cleanup.add(claim(name));
  cleanup.add(claim(restored));

  const form = new CreateVolumePage(page, TENANT);
  await form.goto();
  await expect(form.volumeMode).toHaveValue('Block');
  await form.name.fill(name);
  await form.size.fill('0');
  await form.submit.click();
  await expect(page.getByText('At least 1 GiB.')).toBeVisible();
  await form.size.fill('5');
  await form.storageClass.selectOption({ label: 'replicated — 2 replicas, pool data' });
  await form.submit.click();

  const vol = new VolumePage(page, TENANT, name);
  await expect(page).toHaveURL(`/t/${TENANT}/volumes/${name}`);
  await expect(vol.phase).toHaveText('Bound');
  await expect(vol.replicasLine).toHaveText('2/2 UpToDate');
  await expect(vol.replicas()).toHaveCount(3); // two data replicas and a tie-breaker
  await expect(vol.map.getByRole('img', { name: 'Where the data lives' })).toBeVisible();

  // The list shows the same, live.
  const list = new VolumeListPage(page, TENANT);
  await list.goto();
  await expect(list.row(name).getByTestId('replicas-line')).toHaveText('2/2 UpToDate');
  await expect(list.row(name).getByTestId('volume-phase')).toHaveText('Bound');

  // Expand: shrinking is refused with a sentence; growing follows the resizer.
  await vol.goto();
  await vol.expandSize.fill('3');
  await vol.expand.click();
  await expect(
    page.getByText('A volume cannot shrink: it holds 5 GiB. Pick more than 5 GiB.'),
  ).toBeVisible();
  await vol.expandSize.fill('8');
  await vol.expand.click();
  await expect(vol.capacity).toHaveText('8Gi');

  // Snapshot, then restore it into a new volume through the create form.
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(vol.snapshots().first().getByTestId('snapshot-phase')).toHaveText('Ready');
  await vol.snapshots().first().getByRole('link', { name: 'Restore into new volume' }).click();
  await form.expectOpen();
  await expect(page.getByTestId('volume-source')).toContainText('Restore snapshot');
  // A suggested name that fits (the snapshot's name is long); this test names its own.
  await expect(form.name).toHaveValue(/-restored$/);
  await form.name.fill(restored);
  await expect(form.size).toHaveValue('8');
  await form.submit.click();
  const copy = new VolumePage(page, TENANT, restored);
  await expect(page).toHaveURL(`/t/${TENANT}/volumes/${restored}`);
  await expect(copy.phase).toHaveText('Bound');
  await expect(copy.replicasLine).toHaveText('2/2 UpToDate');
  const pvc = await admin.get('v1', 'PersistentVolumeClaim', NS, restored);
  expect((pvc as { spec?: { dataSource?: { kind?: string } } }).spec?.dataSource?.kind).toBe(
    'VolumeSnapshot',
  );
});

test('a stopped satellite turns its replica Outdated and the volume degraded, until it returns', async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(90_000);
  const page = await as('bob');
  const name = uniqueName('ha');
  cleanup.add(claim(name));
  await admin.apply([
    {
      ...claim(name),
      spec: {
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Block',
        storageClassName: 'replicated',
        resources: { requests: { storage: '1Gi' } },
      },
    } as KubernetesObject,
  ]);
  const vol = new VolumePage(page, TENANT, name);
  await vol.goto();
  await expect(vol.replicasLine).toHaveText('2/2 UpToDate');
  await expect(vol.degraded).toHaveCount(0);
  const dataRow = vol.replicas().filter({ hasText: 'Data' }).first();
  const node = (
    (await dataRow.locator('td').first().locator('span').first().textContent()) ?? ''
  ).trim();
  expect(node).toMatch(/^node-/);

  await admin.apply([satellite(node, 'stopped')]);
  try {
    await expect(vol.replica(node).getByTestId('disk-state')).toHaveText('Outdated');
    await expect(vol.replica(node).getByTestId('node-health')).toHaveText('Satellite offline');
    await expect(vol.replicasLine).toHaveText('1/2 UpToDate');
    await expect(vol.degraded).toHaveText('Degraded');
    await expect(page.getByTestId('data-map-table')).toContainText('Outdated');
  } finally {
    await admin.apply([satellite(node, 'running')]);
  }
  await expect(vol.replica(node).getByTestId('disk-state')).toHaveText('UpToDate');
  await expect(vol.replicasLine).toHaveText('2/2 UpToDate');
  await expect(vol.degraded).toHaveCount(0);
});

test('the operator sees LINSTOR pools per node; tenants cannot open the storage console', async ({
  as,
}) => {
  const oscar = await as('oscar');
  await oscar.goto('/console/storage');
  await expect(oscar.getByRole('heading', { name: 'Storage', level: 1 })).toBeVisible();
  await expect(oscar.getByTestId('pool-chart')).toBeVisible();
  await expect(oscar.getByTestId('pool-row').filter({ hasText: 'node-a1' })).toContainText('data');
  const bob = await as('bob');
  const res = await bob.goto('/console/storage');
  expect(res?.status()).toBe(404);
});
