// Tenant isolation, end to end: what bob (admin of globex) and carol (viewer of acme) can reach in
// acme, and what the API server says when they try anyway.
import { authFile } from '../auth';
import { expect, test } from '../fixtures';
import { ResourceDetailPage } from '../pages/resources';
import { Shell } from '../pages/shell';
import {
  interceptNextAction,
  replayAction,
  rewriteNextAction,
  withTarget,
} from '../server-actions';

test.describe('bob, admin of globex', () => {
  test.use({ storageState: authFile('bob') });

  test('sees only globex in the tenant switcher', async ({ page }) => {
    await page.goto('/');
    const shell = new Shell(page);
    await expect(page).toHaveURL('/t/globex');
    await expect(shell.heading).toHaveText('Globex Industries');
    expect(await shell.tenantNames()).toEqual(['Globex Industries']);
    await expect(shell.mainNav).not.toContainText('ACME');
  });

  test('gets "not found" for acme pages, its list and its objects', async ({ page, make }) => {
    const vm = await make.vm('tenant-acme');
    const shell = new Shell(page);
    for (const path of ['/t/acme', '/t/acme/virtualmachines', `/t/acme/virtualmachines/${vm}`]) {
      await page.goto(path);
      await expect(shell.notFound, path).toBeVisible();
      await expect(page.getByRole('main'), path).not.toContainText(vm);
      await expect(page.getByRole('main'), path).not.toContainText('ACME');
      await expect(page.getByTestId('resource-row'), path).toHaveCount(0);
    }
  });

  test("is refused when the delete action names acme's namespace", async ({
    page,
    make,
    admin,
  }) => {
    const own = await make.loadBalancer('tenant-globex');
    const target = await make.loadBalancer('tenant-acme');
    const detail = new ResourceDetailPage(page, 'globex', 'services', own);
    await detail.goto();

    // The real action, from bob's browser and session; only its arguments now point into acme.
    const { sent } = await rewriteNextAction(
      page,
      withTarget({ namespace: 'tenant-acme', name: target }),
    );
    await detail.delete();
    expect((await sent).body).toContain('"tenant-acme"');

    await expect(
      new Shell(page).alert(`You don't have permission to delete service "${target}".`),
    ).toBeVisible();
    await expect(page).toHaveURL(detail.path);
    expect(await admin.intact('v1', 'Service', 'tenant-acme', target)).toBe(true);
    expect(await admin.intact('v1', 'Service', 'tenant-globex', own)).toBe(true);
  });
});

test.describe('carol, viewer of acme', () => {
  test.use({ storageState: authFile('carol') });

  test('is refused when she sends the delete action for an acme object', async ({
    page,
    as,
    make,
    admin,
  }) => {
    const target = await make.loadBalancer('tenant-acme');
    const decoy = await make.loadBalancer('tenant-acme');

    // Carol's page offers no Delete; capture the action an admin's page sends (and stop it there)…
    const alice = await as('alice');
    const aliceDetail = new ResourceDetailPage(alice, 'acme', 'services', decoy);
    await aliceDetail.goto();
    const { seen } = await interceptNextAction(alice, (b) => b.includes(`"name":"${decoy}"`));
    await aliceDetail.delete();
    const action = await seen;

    // …then send it from carol's own page and session, naming the target.
    const detail = new ResourceDetailPage(page, 'acme', 'services', target);
    await detail.goto();
    // Soft: should the button ever show up, still find out what the server does.
    await expect.soft(detail.deleteButton).toHaveCount(0);
    const res = await replayAction(page, action, withTarget({ name: target }));
    expect(res.status).toBe(200);
    expect(res.text).toContain(`You don't have permission to delete service \\"${target}\\".`);
    expect(res.text).toContain('"code":"forbidden"');

    expect(await admin.intact('v1', 'Service', 'tenant-acme', target)).toBe(true);
    expect(await admin.intact('v1', 'Service', 'tenant-acme', decoy)).toBe(true);
    await expect(detail.heading).toBeVisible();
  });
});
