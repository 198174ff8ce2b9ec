// Hardware inventory for operators: every node with what Metal3 and NFD know, totals, a chart,
// CSV export of the rows, and confirmed power actions; tenants are refused.
import { readFile } from 'node:fs/promises';

import { fleet } from '../devcluster/src/seed/fleet';
import { bareMetalHostStatus, METAL3_NAMESPACE } from '../devcluster/src/seed/hardware';
import { writeStatus } from '../lib/testing/releases';
import { authFile } from './auth';
import { expect, test } from './fixtures';
import { InventoryPage } from './pages/inventory';
import { Shell } from './pages/shell';
import { interceptNextAction, replayAction } from './server-actions';

test.describe('oscar, operator', () => {
  test.use({ storageState: authFile('oscar') });

  test('sees every seeded server and exports the rows as CSV', async ({ page }) => {
    const inv = new InventoryPage(page);
    await inv.goto();
    for (const s of fleet) {
      await expect(inv.row(s.node)).toContainText(s.system.serialNumber);
      await expect(inv.row(s.node)).toContainText(s.cpuModel);
    }
    await expect(page.getByTestId('chart-cpu').locator('[data-node]')).toHaveCount(
      await inv.rows.count(),
    );

    const first = fleet[0];
    if (!first) throw new Error('empty fleet');
    await inv.search.fill(first.system.serialNumber);
    await expect(inv.rows).toHaveCount(1);
    await inv.search.fill('');

    const [download] = await Promise.all([page.waitForEvent('download'), inv.exportCsv.click()]);
    expect(download.suggestedFilename()).toBe('inventory.csv');
    const lines = (await readFile((await download.path()) ?? '', 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^node,ready,roles,vendor,model,serial,cpu_model,cores,threads/);
    const rows = lines.slice(1);
    expect(rows).toHaveLength(await inv.rows.count());
    for (const s of fleet) {
      const line = rows.find((l) => l.startsWith(`${s.node},`));
      expect(line, s.node).toContain(s.system.serialNumber);
      expect(line, s.node).toContain(`,${s.threads},`);
    }
  });

  test('powers a host off and on, each confirmed; the BMC state follows', async ({
    page,
    admin,
    cleanup,
    make,
  }) => {
    const node = await make.node('inv');
    const server = fleet.find((s) => s.kwok);
    if (!server) throw new Error('no healthy server in the fleet seed');
    const host = cleanup.add({
      apiVersion: 'metal3.io/v1alpha1',
      kind: 'BareMetalHost',
      metadata: { name: node, namespace: METAL3_NAMESPACE, labels: { 'stratus.dev/node': node } },
      spec: { online: true, externallyProvisioned: true },
    });
    await admin.create(host);
    await writeStatus(
      admin,
      {
        group: 'metal3.io',
        version: 'v1alpha1',
        plural: 'baremetalhosts',
        namespace: METAL3_NAMESPACE,
        name: node,
      },
      bareMetalHostStatus(server, new Date()),
    );

    const inv = new InventoryPage(page);
    await inv.goto();
    const power = inv.row(node).getByTestId('power-state');
    await expect(power).toHaveAttribute('data-powered', 'true');
    await inv.power(node, 'Power off').click();
    await inv.confirm('Power off').click();
    await expect(power).toHaveAttribute('data-powered', 'false');
    await inv.power(node, 'Power on').click();
    await inv.confirm('Power on').click();
    await expect(power).toHaveAttribute('data-powered', 'true');
  });
});

test.describe('alice, tenant admin', () => {
  test.use({ storageState: authFile('alice') });

  test('cannot open the inventory, and the API server refuses her power actions (403)', async ({
    page,
    as,
  }) => {
    await page.goto('/console/inventory');
    await expect(new Shell(page).notFound).toBeVisible();
    const broken = fleet.find((s) => !s.kwok) ?? fleet[0];
    if (!broken) throw new Error('empty fleet');
    const oscar = await as('oscar');
    const inv = new InventoryPage(oscar);
    await inv.goto();
    // The page also reads storage with actions: catch the reboot itself.
    const { seen } = await interceptNextAction(oscar, (body) => body.includes('"reboot"'));
    await inv.power(broken.node, 'Reboot').click();
    await inv.confirm('Reboot').click();
    const action = await seen;
    await page.goto('/t/acme');
    const res = await replayAction(page, action);
    expect(res.text).toContain('"code":"forbidden"');
    expect(res.text).toContain(
      `You don't have permission to change the power of host \\"${broken.node}\\".`,
    );
  });
});
