// Lists stay current without reloads: the tab's live stream carries the cluster's changes.
import { loadBalancer } from '../lib/testing/admin';
import { authFile } from './auth';
import { expect, test } from './fixtures';
import { ResourceListPage } from './pages/resources';
import { Shell } from './pages/shell';

test.use({ storageState: authFile('alice') });

test('a load balancer created and deleted elsewhere comes and goes without a reload', async ({
  page,
  admin,
  cleanup,
  uniqueName,
}) => {
  const list = new ResourceListPage(page, 'acme', 'services');
  await list.goto();
  // The nav calls them load balancers; the list is headed by the model's plural.
  await expect(list.heading).toHaveText('Load balancers');
  await new Shell(page).expectLive();
  let navigations = 0;
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations++;
  });

  const internal = uniqueName('cip');
  await admin.create(
    cleanup.add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: internal, namespace: 'tenant-acme' },
      spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
    } as Parameters<typeof admin.create>[0]),
  );
  const name = uniqueName('lb');
  await admin.create(cleanup.add(loadBalancer('tenant-acme', name)));

  const row = list.row(name);
  await expect(row).toBeVisible();
  await expect(row.locator('[data-column="type"]')).toHaveText('LoadBalancer');
  await expect(row.getByRole('link', { name })).toHaveAttribute('href', `/t/acme/services/${name}`);
  // The list shows load balancers only; the ClusterIP service came first and never appeared.
  await expect(list.row(internal)).toHaveCount(0);

  await admin.remove(loadBalancer('tenant-acme', name));
  await expect(row).toHaveCount(0);
  expect(navigations).toBe(0);
  await expect(new Shell(page).liveStatus).toHaveAttribute('data-status', 'live');
});

test('the overview counts follow the cluster', async ({ page, make }) => {
  await page.goto('/t/acme');
  // Volumes: no other test touches acme's, so the count moves only by what this test does.
  const count = page.getByTestId('count-persistentvolumeclaims').locator('span').first();
  await expect(count).toHaveText(/^\d+$/);
  const before = Number(await count.textContent());
  await make.volume('tenant-acme');
  await expect(count).toHaveText(String(before + 1));
});

test('the live routes take JSON from their own pages only, and never serve Secrets', async ({
  page,
}) => {
  await page.goto('/t/acme');
  const body = JSON.stringify({ streamId: 'x', subscriptions: [] });
  const post = (headers: Record<string, string>, data = body) =>
    page.request.post('/api/live/subscriptions', { headers, data });
  expect((await post({ 'content-type': 'text/plain' })).status()).toBe(415);
  expect(
    (
      await post({ 'content-type': 'application/json', origin: 'http://elsewhere.example' })
    ).status(),
  ).toBe(403);
  expect((await post({ 'content-type': 'application/json' }, 'x'.repeat(70 * 1024))).status()).toBe(
    413,
  );
  // Well-formed, from here: the stream id is unknown, and the answer says so in the mapper's shape.
  const unknown = await post({ 'content-type': 'application/json' });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: 'notFound' } });

  const secrets = await page.request.get('/api/k8s/list?model=secrets&namespace=tenant-acme');
  expect(secrets.status()).toBe(400);
  expect(await secrets.text()).not.toContain('"data"');
  const wide = await page.request.get('/api/k8s/list?model=services&namespace=..');
  expect(wide.status()).toBe(400);
});
