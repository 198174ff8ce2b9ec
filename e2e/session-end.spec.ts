// Sessions end where people are working: the live stream closes with them, and a dialog that needs
// the server says so instead of waiting forever.
import { ResourceListPage } from './pages/resources';
import { ClusterPage } from './pages/clusters';
import { Shell } from './pages/shell';
import { sessionEndingIn } from './session-token';
import { recordStreams, streamStates } from './streams';
import { authFile, signIn } from './auth';
import { expect, test } from './fixtures';

test("a tab's live stream stops when its session expires", async ({ browser, make }) => {
  const context = await browser.newContext();
  await sessionEndingIn(context, 'alice', 15);
  await recordStreams(context);
  const page = await context.newPage();
  const list = new ResourceListPage(page, 'acme', 'services');
  const shell = new Shell(page);
  await list.goto();
  await shell.expectLive();
  // Live while the session lasts…
  const before = await make.loadBalancer('tenant-acme');
  await expect(list.row(before)).toBeVisible();

  // …then the stream says signedOut, the banner shows, and no stream stays open or reopens.
  await expect(shell.sessionExpired).toBeVisible({ timeout: 30_000 });
  await expect(shell.liveStatus).toHaveAttribute('data-status', 'signedOut');
  const CLOSED = 2;
  await expect.poll(() => streamStates(page)).toEqual(expect.arrayContaining([CLOSED]));
  const states = await streamStates(page);
  expect(states.length).toBeGreaterThan(0);
  expect(states.every((s) => s === CLOSED)).toBe(true);
  const after = await make.loadBalancer('tenant-acme');
  // The server side agrees: this session's list request is refused now.
  const res = await page.request.get(
    `/api/k8s/list?model=services&namespace=tenant-acme&fieldSelector=metadata.name%3D${after}`,
  );
  expect(res.status()).toBe(401);
  await expect(list.row(after)).toHaveCount(0);
  expect(await streamStates(page)).toHaveLength(states.length);
  await context.close();
});

test.describe('the cluster delete dialog', () => {
  test.use({ storageState: authFile('alice') });

  test('shows the session banner, not an endless "Loading…", when the session is gone', async ({
    page,
    admin,
    cleanup,
    uniqueName,
  }) => {
    const name = uniqueName('gone');
    const cluster = cleanup.add({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name, namespace: 'tenant-acme' },
      spec: { paused: true },
    } as Parameters<typeof admin.create>[0]);
    await admin.create(cluster);
    const detail = new ClusterPage(page, 'acme', name);
    await page.goto(`/t/acme/clusters/${name}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toContainText(name);
    const shell = new Shell(page);

    await page.context().clearCookies({ name: /^next-auth\.session-token/ });
    await detail.deleteButton.click();
    const dialog = page.getByRole('dialog');
    await expect(shell.sessionExpired).toBeVisible();
    await expect(dialog.getByTestId('delete-preview-error')).toHaveText(
      'Your session has expired. Sign in again to continue.',
    );
    await expect(dialog.getByText('Loading…')).toHaveCount(0);
    expect(await admin.intact('cluster.x-k8s.io/v1beta2', 'Cluster', 'tenant-acme', name)).toBe(
      true,
    );
  });
});

test('signing out ends the session everywhere: open tabs and a copied cookie stop working', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await recordStreams(context);
  const page = await context.newPage();
  await signIn(page, 'alice');
  const cookies = await context.cookies();
  // Another tab of the same sign-in, live.
  const other = await context.newPage();
  const list = new ResourceListPage(other, 'acme', 'services');
  await list.goto();
  await new Shell(other).expectLive();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).not.toHaveURL(/\/t\/acme/);

  // The other tab's stream ends with the session, and says so.
  await expect(new Shell(other).sessionExpired).toBeVisible();
  await expect.poll(() => streamStates(other)).not.toContain(1);
  // The cookie as it was before signing out, from another browser: refused.
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const res = await copy.request.get('/api/k8s/list?model=services&namespace=tenant-acme');
  expect(res.status()).toBe(401);
  await copy.close();
  await context.close();
});
