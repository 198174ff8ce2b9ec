// Each demo user signs in through the real OIDC redirect flow and lands where their role belongs.
import { appOrigin, demoUser, issuerOrigin, signIn } from './auth';
import { expect, test } from './fixtures';
import { AppSignInPage } from './pages/app-sign-in';
import { IssuerSignInPage } from './pages/issuer-sign-in';
import { ResourceDetailPage, ResourceListPage } from './pages/resources';
import { Shell } from './pages/shell';

// Signed out: every test starts from a fresh browser without a session.
test.use({ storageState: { cookies: [], origins: [] } });

test('a signed-out visitor is sent to sign in', async ({ page }) => {
  await page.goto('/t/acme');
  await new AppSignInPage(page).expectShown('/t/acme');
  await expect(new Shell(page).viewer).toHaveCount(0);
});

test('alice, admin of acme, lands on the acme overview', async ({ page }) => {
  await signIn(page, 'alice');
  const shell = new Shell(page);
  await expect(page).toHaveURL(`${appOrigin}/t/acme`);
  await expect(shell.heading).toHaveText('ACME Corporation');
  await expect(shell.viewer).toContainText('Alice Admin');
  await expect(page.getByTestId('count-virtualmachines')).toBeVisible();
  await shell.expectLive();
});

test('bob, admin of globex, lands on the globex overview', async ({ page }) => {
  await signIn(page, 'bob');
  const shell = new Shell(page);
  await expect(page).toHaveURL(`${appOrigin}/t/globex`);
  await expect(shell.heading).toHaveText('Globex Industries');
  await expect(shell.viewer).toContainText('Bob Builder');
});

test('carol, viewer of acme, lands on acme and may look but not delete', async ({ page, make }) => {
  const vm = await make.vm('tenant-acme');
  await signIn(page, 'carol');
  await expect(page).toHaveURL(`${appOrigin}/t/acme`);
  await expect(new Shell(page).heading).toHaveText('ACME Corporation');

  const list = new ResourceListPage(page, 'acme', 'virtualmachines');
  await list.goto();
  await expect(list.readOnly).toHaveText('You have read-only access to this tenant.');
  await expect(list.row(vm)).toBeVisible();

  const detail = new ResourceDetailPage(page, 'acme', 'virtualmachines', vm);
  await detail.goto();
  await expect(detail.yamlButton).toBeVisible();
  await expect(detail.deleteButton).toHaveCount(0);
});

test('oscar, the operator, lands on the console and still reaches every tenant', async ({
  page,
  make,
}) => {
  const node = await make.node();
  await signIn(page, 'oscar');
  const shell = new Shell(page);
  // Operators land where their work is: the console, with every tenant in the switcher.
  await expect(page).toHaveURL(`${appOrigin}/console`);
  await expect(shell.heading).toHaveText('Operator overview');
  // The new node (kwok makes it Ready) is counted live on the nodes tile.
  await expect(page.getByTestId('tile-nodes')).toContainText('ready');
  await page.goto('/console/inventory');
  await expect(page.locator(`[data-testid="resource-row"][data-name="${node}"]`)).toBeVisible();
  await page.goto('/console');
  expect(await shell.tenantNames()).toEqual(
    expect.arrayContaining(['ACME Corporation', 'Globex Industries']),
  );
  await expect(shell.mainNav.getByRole('link', { name: 'Overview', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('signing in from a deep link returns to that page', async ({ page }) => {
  await signIn(page, 'alice', '/t/acme/virtualmachines');
  await expect(page).toHaveURL(`${appOrigin}/t/acme/virtualmachines`);
  await expect(new Shell(page).heading).toHaveText('Virtual machines');
});

test('a wrong password is refused by the issuer', async ({ page }) => {
  await page.goto('/signin');
  await new AppSignInPage(page).start();
  const issuer = new IssuerSignInPage(page);
  await issuer.expectShown(issuerOrigin);
  await issuer.signIn(demoUser('bob').email, 'not-the-password');
  await expect(issuer.error).toHaveText('Invalid email or password');
  await expect(page).toHaveURL(new RegExp(`^${issuerOrigin}/interaction/`));
});

test('tenant members do not get the operator console', async ({ as }) => {
  const page = await as('alice');
  await page.goto('/console');
  await expect(new Shell(page).notFound).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Nodes');
});
