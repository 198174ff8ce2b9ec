// Tenant clusters end to end: create in the UI, watch it provision without reloading, download its
// kubeconfig, scale a node group, delete it with a preview and a typed confirmation.
import { readFile } from 'node:fs/promises';

import YAML from 'yaml';

import { createThroughApi } from './api-cluster';
import { ClusterPage, CreateClusterPage, KubeconfigPage } from './pages/clusters';
import { expect, test } from './fixtures';

/** A Cluster of tenant acme, for cleanup: its parts are owned by it and go with it. */
const acmeCluster = (name: string) => ({
  apiVersion: 'cluster.x-k8s.io/v1beta2',
  kind: 'Cluster',
  metadata: { name, namespace: 'tenant-acme' },
});

const time = (t: Date | string | undefined) => (t ? new Date(t).getTime() : 0);

test('a tenant admin creates, uses, scales and deletes a cluster', async ({
  as,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const page = await as('alice');
  const name = uniqueName('e2e');
  cleanup.add(acmeCluster(name));

  const form = new CreateClusterPage(page, 'acme');
  await form.start(name, '1');
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
  await row.getByRole('link', { name: 'Download', exact: true }).click();
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
  // The oldest one (seeded): a cluster another test is deleting could be gone by the submit.
  const existing = (
    await admin.list('cluster.x-k8s.io/v1beta2', 'Cluster', { namespace: 'tenant-acme' })
  )
    .filter((c) => !c.metadata?.deletionTimestamp)
    .sort((a, b) => time(a.metadata?.creationTimestamp) - time(b.metadata?.creationTimestamp))[0]
    ?.metadata?.name;
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

test('a cluster with Cilium and ingress-nginx is Ready only once its CNI release is', async ({
  as,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(150_000);
  const page = await as('alice');
  const name = uniqueName('cni');
  // Its other objects (add-on releases too) are owned by the Cluster and go with it.
  cleanup.add(acmeCluster(name));
  const form = new CreateClusterPage(page, 'acme');
  await form.start(name, '1');
  await expect(form.addon('cilium')).toBeChecked();
  await expect(form.addon('cilium')).toBeDisabled();
  await form.addon('ingress-nginx').check();
  await form.showYaml.click();
  await expect(form.yaml).toContainText(`name: ${name}-cilium`);
  await expect(form.yaml).toContainText(`name: ${name}-ingress-nginx`);
  await page.getByRole('button', { name: 'Close' }).click();
  await form.submit.click();

  const cluster = new ClusterPage(page, 'acme', name);
  await expect(page).toHaveURL(`/t/acme/clusters/${name}`);
  // Sampled from the live page: the summary first, then the CNI (which never goes back), so a
  // Ready summary next to a CNI that is not Ready means the cluster was called Ready too early.
  const tooEarly: string[] = [];
  await expect
    .poll(
      async () => {
        const summary = (await cluster.summary.textContent()) ?? '';
        const cni = await cluster.addonState('cilium').textContent();
        if (summary === 'Ready' && cni !== 'Ready') tooEarly.push(`cilium was ${cni}`);
        return summary;
      },
      { timeout: 100_000, intervals: [200] },
    )
    .toBe('Ready');
  expect(tooEarly, 'the summary said Ready before the CNI was').toEqual([]);
  await expect(cluster.addonState('ingress-nginx')).toHaveText('Ready');
  // Its node group is health-checked, and the check sees its one machine healthy.
  await expect(cluster.healthCheck('workers')).toContainText('1/1');
});

test("a worker whose labels the kubelet refuses shows the kubelet's message", async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const name = uniqueName('lbl');
  // The form refuses node-role labels in --node-labels; the API does not, the kubelet does.
  await createThroughApi(admin, cleanup, {
    namespace: 'tenant-acme',
    name,
    tamper: (json) =>
      json.replace(
        '"value":"stratus.dev/node-group=workers"',
        '"value":"stratus.dev/node-group=workers,node-role.kubernetes.io/worker="',
      ),
  });
  const page = await as('alice');
  const cluster = new ClusterPage(page, 'acme', name);
  await page.goto(`/t/acme/clusters/${name}`);
  await expect(cluster.summary).toContainText(`Worker ${name}-workers-`, { timeout: 90_000 });
  await expect(cluster.summary).toContainText('cannot join');
  await expect(cluster.summary).toContainText("unknown 'kubernetes.io' or 'k8s.io' labels");
});

test('a personal kubeconfig signs in through the issuer and holds no secret', async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const name = uniqueName('oidc');
  await createThroughApi(admin, cleanup, { namespace: 'tenant-acme', name, personalAccess: true });
  const page = await as('alice');
  const kubeconfigs = new KubeconfigPage(page, 'acme');
  await kubeconfigs.goto();
  // The seeded staging cluster was created without personal access (prod with it).
  await expect(kubeconfigs.personal('staging')).toHaveText(/No personal access/);
  await expect(kubeconfigs.personal(name)).toHaveText('Personal kubeconfig', { timeout: 90_000 });
  const file = await kubeconfigs.download(kubeconfigs.personal(name));
  expect(file.name).toBe(`${name}-personal.kubeconfig`);
  const config = YAML.parse(file.text) as {
    clusters?: { cluster?: Record<string, unknown> }[];
    users?: { user?: { exec?: { command?: string; args?: string[] } } }[];
  };
  expect(config.clusters?.[0]?.cluster?.['certificate-authority-data']).toBeTruthy();
  const user = config.users?.[0]?.user ?? {};
  expect(Object.keys(user)).toEqual(['exec']);
  expect(user.exec?.command).toBe('kubectl');
  expect(user.exec?.args).toEqual(expect.arrayContaining(['oidc-login', 'get-token']));
  expect(user.exec?.args?.some((a) => a.startsWith('--oidc-issuer-url='))).toBe(true);
  for (const secret of ['token:', 'client-key', 'client-certificate', 'password'])
    expect(file.text).not.toContain(secret);
});
