// Flux HelmReleases for operators: counts and failures first, filters, a reconcile handled by
// helm-controller (the simulator), suspend and resume naming the person; tenants are refused.
import { readyReleaseStatus, testRelease, writeStatus } from '../lib/testing/releases';
import { authFile } from './auth';
import { expect, test } from './fixtures';
import { ReleasePage, ReleasesPage } from './pages/releases';
import { interceptNextAction, replayAction } from './server-actions';
import { Shell } from './pages/shell';

const OSCAR = 'oidc:oscar@ops.example';

test.describe('oscar, operator', () => {
  test.use({ storageState: authFile('oscar') });

  test('sees counts, failures first, and filters by state, namespace and text', async ({
    page,
  }) => {
    const list = new ReleasesPage(page);
    await list.goto();
    // The seed has failing releases (one Stalled); they lead the platform group.
    await expect(list.count('failing')).not.toHaveText('0');
    const platform = list.group('');
    await expect(platform.getByTestId('release-state').first()).toHaveAttribute(
      'data-state',
      'failing',
    );

    await list.state.selectOption({ label: 'Suspended' });
    const suspended = page.getByTestId('release-state');
    await expect(suspended.first()).toHaveAttribute('data-state', 'suspended');
    for (const s of await suspended.all())
      await expect(s).toHaveAttribute('data-state', 'suspended');
    await list.state.selectOption({ label: 'All states' });

    await list.namespace.selectOption('cozy-cilium');
    await expect(list.rows).toHaveCount(1);
    await expect(list.row('cilium')).toBeVisible();
    await list.namespace.selectOption({ label: 'All namespaces' });

    await list.filter.fill('etcd-operator');
    await expect(list.rows).toHaveCount(1);
    await expect(list.row('etcd-operator').getByTestId('release-state')).toHaveAttribute(
      'data-state',
      'failing',
    );
  });

  test('shows tenant add-on releases grouped by tenant and cluster', async ({ page }) => {
    const list = new ReleasesPage(page);
    await list.goto();
    await expect(list.group('acme/prod')).toContainText('Tenant acme, cluster prod');
  });

  test('reconciles, forces, suspends and resumes a release, each recorded with their name', async ({
    page,
    admin,
    cleanup,
    uniqueName,
  }) => {
    const ns = uniqueName('e2e-rel');
    cleanup.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await admin.create(testRelease(ns, 'podinfo'));
    await writeStatus(
      admin,
      {
        group: 'helm.toolkit.fluxcd.io',
        version: 'v2',
        plural: 'helmreleases',
        namespace: ns,
        name: 'podinfo',
      },
      readyReleaseStatus(ns, 'podinfo'),
    );

    const hr = new ReleasePage(page, ns, 'podinfo');
    await hr.goto();
    await expect(hr.state).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('values')).toContainText('replicaCount: 2');
    await expect(page.getByTestId('history-row')).toHaveCount(1);
    await expect(page.getByTestId('source-health')).toHaveAttribute('data-state', 'ready');

    await hr.action('Reconcile now').click();
    // helm-controller (simulated) handles it; the page follows the watch.
    await expect(hr.handled).toHaveAttribute('data-pending', 'false');
    await expect(hr.handled).not.toHaveText('—');
    await expect(hr.events).toContainText(`Reconcile requested by ${OSCAR}`);

    await hr.action('Force reconcile').click();
    await hr.confirm('Force reconcile').click();
    await expect(hr.events).toContainText(`Forced reconcile requested by ${OSCAR}`);
    await expect(page.getByTestId('history-row')).toHaveCount(2);

    await hr.action('Suspend').click();
    await hr.confirm('Suspend').click();
    await expect(hr.state).toHaveAttribute('data-state', 'suspended');
    await expect(hr.message).toHaveText(`Suspended by ${OSCAR}`);
    await expect(hr.action('Reconcile now')).toHaveCount(0);
    await expect(hr.events).toContainText(`Suspended by ${OSCAR}`);

    await hr.action('Resume').click();
    await hr.confirm('Resume').click();
    await expect(hr.state).toHaveAttribute('data-state', 'ready');
    await expect(hr.events).toContainText(`Resumed by ${OSCAR}`);
  });
});

test.describe('alice, tenant admin', () => {
  test.use({ storageState: authFile('alice') });

  test('cannot open the releases pages, and the API server refuses her the actions (403)', async ({
    page,
    as,
    admin,
  }) => {
    const shell = new Shell(page);
    for (const path of ['/console/releases', '/console/releases/cozy-cilium/cilium']) {
      await page.goto(path);
      await expect(shell.notFound, path).toBeVisible();
    }
    // Capture the operator's real action and send it from alice's session.
    const oscar = await as('oscar');
    const hr = new ReleasePage(oscar, 'cozy-cilium', 'cilium');
    await hr.goto();
    const { seen } = await interceptNextAction(oscar);
    await hr.action('Suspend').click();
    await hr.confirm('Suspend').click();
    const action = await seen;
    await page.goto('/t/acme');
    const res = await replayAction(page, action);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"code":"forbidden"');
    expect(res.text).toContain(`You don't have permission to suspend Helm release \\"cilium\\".`);
    const cilium = (await admin.get(
      'helm.toolkit.fluxcd.io/v2',
      'HelmRelease',
      'cozy-cilium',
      'cilium',
    )) as { spec?: { suspend?: boolean } } | undefined;
    expect(cilium?.spec?.suspend ?? false).toBe(false);
  });
});
