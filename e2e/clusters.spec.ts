// Tenant clusters end to end: create in the UI, watch it provision without reloading, download its
// kubeconfig, scale a node group, delete it with a preview and a typed confirmation.
import { readFile } from 'node:fs/promises';

import YAML from 'yaml';

import { ClusterPage, CreateClusterPage } from './pages/clusters';
import { expect, test } from './fixtures';

test('a tenant admin creates, uses, scales and deletes a cluster', async ({
  as,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const page = await as('alice');
  const name = uniqueName('e2e');
  cleanup.add({
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: { name, namespace: 'tenant-acme' },
  });

  const form = new CreateClusterPage(page, 'acme');
  await form.goto();
  await form.name.fill(name);
  await form.nodes.fill('1');
  await form.showYaml.click();
  await expect(form.yaml).toContainText('kind: KamajiControlPlane');
  await expect(form.yaml).toContainText(`name: ${name}-workers`);
  await page.getByRole('button', { name: 'Close' }).click();
  await form.submit.click();

  const cluster = new ClusterPage(page, 'acme', name);
  await expect(page).toHaveURL(`/t/acme/clusters/${name}`);
  // Driven by the simulator; the page updates from the live stream, never reloaded.
  await expect(cluster.summary).toHaveText('Ready', { timeout: 60_000 });
  await expect(page.getByText('Provisioned').first()).toBeVisible();

  await page.goto('/t/acme/kubeconfig');
  const row = page.locator(`[data-testid="kubeconfig-row"][data-name="${name}"]`);
  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${name}.kubeconfig`);
  const kubeconfig = YAML.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
    clusters?: { cluster?: { server?: string } }[];
    users?: unknown[];
    contexts?: unknown[];
  };
  expect(kubeconfig.clusters?.[0]?.cluster?.server).toMatch(/^https:\/\//);
  expect(kubeconfig.users).toHaveLength(1);
  expect(kubeconfig.contexts).toHaveLength(1);

  await page.goto(`/t/acme/clusters/${name}`);
  await expect(page.getByRole('table', { name: 'Events' })).toContainText(
    'Kubeconfig downloaded by alice@acme.example',
  );
  await cluster.scale('workers', 2);
  await expect(cluster.nodeGroup('workers').locator('[data-column="ready"]')).toHaveText('2/2', {
    timeout: 60_000,
  });

  await cluster.deleteButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('delete-preview')).toContainText(`Cluster ${name}`);
  await expect(dialog.getByTestId('delete-preview')).toContainText(`Secret ${name}-kubeconfig`);
  const confirm = dialog.getByRole('button', { name: 'Delete cluster' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(name);
  await confirm.click();
  await expect(page).toHaveURL('/t/acme/clusters');
  await expect(page.locator(`[data-testid="resource-row"][data-name="${name}"]`)).toHaveCount(0);
});

test('bad input is explained before anything is sent', async ({ as }) => {
  const page = await as('alice');
  const form = new CreateClusterPage(page, 'acme');
  await form.goto();
  await form.name.fill('Not_A_Name');
  await form.nodes.fill('99');
  await form.submit.click();
  await expect(
    page.getByText(
      'Use lowercase letters, digits and dashes; start and end with a letter or digit.',
    ),
  ).toBeVisible();
  await expect(page.getByText('At most 50 nodes per group.')).toBeVisible();
  await expect(page).toHaveURL('/t/acme/clusters/new');
});

test('a name that is taken gets "already exists" and creates nothing new', async ({
  as,
  admin,
}) => {
  const existing = (
    await admin.list('cluster.x-k8s.io/v1beta2', 'Cluster', { namespace: 'tenant-acme' })
  )[0]?.metadata?.name;
  expect(existing).toBeTruthy();
  const page = await as('alice');
  const form = new CreateClusterPage(page, 'acme');
  await form.goto();
  await form.name.fill(existing ?? '');
  await form.submit.click();
  await expect(form.formError).toContainText(`A cluster named "${existing}" already exists`);
});

test("another tenant's kubeconfig is refused", async ({ as, admin }) => {
  const acmeCluster = (
    await admin.list('cluster.x-k8s.io/v1beta2', 'Cluster', { namespace: 'tenant-acme' })
  )[0]?.metadata?.name;
  const page = await as('bob');
  const res = await page.request.get(`/api/tenants/acme/clusters/${acmeCluster ?? ''}/kubeconfig`);
  expect(res.status()).toBe(403);
  expect(res.headers()['cache-control']).toBe('no-store');
  expect(await res.text()).not.toContain('apiVersion');
});

test('a read-only member is not offered the create form', async ({ as }) => {
  const page = await as('carol');
  await page.goto('/t/acme/clusters');
  await expect(page.getByRole('link', { name: 'Create cluster' })).toHaveCount(0);
  await page.goto('/t/acme/clusters/new');
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create cluster' })).toHaveCount(0);
});
