// Tenants for operators: quota bars, members and counts; onboarding from the console, a quota
// change and offboarding after a preview; the overview's counts. Tenants are refused.
import { authFile } from './auth';
import { expect, test } from './fixtures';
import { Shell } from './pages/shell';
import { OverviewPage, TenantsPage } from './pages/tenants';
import { interceptNextAction, replayAction } from './server-actions';

test.describe('oscar, operator', () => {
  test.use({ storageState: authFile('oscar') });

  test('sees the demo tenants with quota, members and what they run', async ({ page }) => {
    const list = new TenantsPage(page);
    await list.goto();
    const acme = list.row('acme');
    await expect(acme).toContainText('Admins: tenant-acme-admins');
    await expect(acme).toContainText('Viewers: tenant-acme-viewers');
    await expect(acme).toContainText(/2 clusters, 3 VMs, \d+ volumes, 2 addresses/);
    await expect(acme.locator('[data-resource="count/virtualmachines.kubevirt.io"]')).toContainText(
      'of 30',
    );
    await expect(acme.getByRole('meter').first()).toBeVisible();
  });

  test('onboards a tenant, changes its quota and offboards it after a preview', async ({
    page,
    admin,
    cleanup,
    uniqueName,
  }) => {
    test.setTimeout(120_000);
    const name = uniqueName('ob').slice(0, 30);
    cleanup.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `tenant-${name}` } });
    const list = new TenantsPage(page);
    await list.goto();
    await list.onboard.click();
    await list.field('Name').fill('Not A Name');
    await list.dialog.getByRole('button', { name: 'Onboard' }).click();
    await expect(list.dialog.getByText('Use lowercase letters, digits and dashes')).toBeVisible();
    await list.field('Name').fill(name);
    await list.field('Display name').fill('Initech');
    await list.dialog.getByRole('checkbox', { name: 'public' }).check();
    await list.field('Virtual machines').fill('4');
    await list.dialog.getByRole('button', { name: 'Onboard' }).click();

    const row = list.row(name);
    await expect(row).toContainText('Initech');
    await expect(row).toContainText(`Admins: tenant-${name}-admins`);
    await expect(row).toContainText('Address pools: public');
    await expect(row.locator('[data-resource="count/virtualmachines.kubevirt.io"]')).toContainText(
      '0 of 4',
    );

    await row.getByRole('button', { name: 'Change quota' }).click();
    await list.field('Virtual machines').fill('6');
    await list.dialog.getByRole('button', { name: 'Save quota' }).click();
    await expect(row.locator('[data-resource="count/virtualmachines.kubevirt.io"]')).toContainText(
      '0 of 6',
    );

    await row.getByRole('button', { name: 'Delete' }).click();
    await expect(list.dialog.getByTestId('delete-preview')).toContainText(
      `Namespace tenant-${name}`,
    );
    await list.dialog.getByRole('textbox').fill(name);
    await list.dialog.getByRole('button', { name: 'Offboard' }).click();
    // The namespace controller then deletes everything in it; until it is done the row says so.
    await expect(row.filter({ hasNotText: 'Being offboarded' })).toHaveCount(0);
    expect(await admin.intact('v1', 'Namespace', undefined, `tenant-${name}`)).toBe(false);
  });

  test('lands on the overview: nodes, failing releases, pools and tenants, with links', async ({
    page,
    admin,
  }) => {
    const o = new OverviewPage(page);
    await o.goto();
    await expect(o.tile('nodes').getByTestId('tile-value')).toHaveText(
      /\d+ ready, [1-9]\d* not ready/,
    );
    await expect(o.tile('releases').getByTestId('tile-value')).not.toHaveText('0');
    await expect(o.tile('releases')).toHaveAttribute('data-alarm', 'true');
    // Nearly full pools of all the cluster's pools (as many as MetalLB holds now).
    const pools = (await admin.list('metallb.io/v1beta1', 'IPAddressPool')).length;
    expect(pools).toBeGreaterThan(0);
    await expect(o.tile('address-pools').getByTestId('tile-value')).toHaveText(
      new RegExp(`^\\d+ of ${pools}$`),
    );
    await o.tile('releases').click();
    await expect(page).toHaveURL('/console/releases');
  });
});

test.describe('alice, tenant admin', () => {
  test.use({ storageState: authFile('alice') });

  test('cannot open the console pages, and the API server refuses her onboarding (403)', async ({
    page,
    as,
    uniqueName,
  }) => {
    const shell = new Shell(page);
    for (const path of ['/console', '/console/tenants']) {
      await page.goto(path);
      await expect(shell.notFound, path).toBeVisible();
    }
    const oscar = await as('oscar');
    const list = new TenantsPage(oscar);
    await list.goto();
    await list.onboard.click();
    await list.field('Name').fill(uniqueName('no').slice(0, 30));
    await list.field('Display name').fill('Nope');
    const { seen } = await interceptNextAction(oscar);
    await list.dialog.getByRole('button', { name: 'Onboard' }).click();
    const action = await seen;
    await page.goto('/t/acme');
    const res = await replayAction(page, action);
    expect(res.text).toContain('"code":"forbidden"');
    expect(res.text).toContain("You don't have permission to create namespaces");
  });
});
