// Token passthrough: the person's own ID token is their credential at kube-apiserver, and it is
// short-lived (the test issuer's last two minutes). It is refreshed before it expires — by an open
// tab's live stream as much as by requests — and a refresh the issuer refuses ends the session
// cleanly.
import { signIn } from './auth';
import { expect, test } from './fixtures';
import { ResourceListPage } from './pages/resources';
import { Shell } from './pages/shell';
import { sessionEndingIn, sessionOf } from './session-token';

test('a tab keeps working, live, past the expiry of the ID token it signed in with', async ({
  browser,
  make,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'alice');
  const list = new ResourceListPage(page, 'acme', 'services');
  const shell = new Shell(page);
  await list.goto();
  await shell.expectLive();
  const first = await sessionOf(context);
  const firstExpiry = first?.idTokenExpiresAt ?? 0;
  expect(first?.idToken).toBeTruthy();
  expect(firstExpiry).toBeGreaterThan(Date.now());

  // Nobody clicks: the live stream asks the tab to renew, and that request refreshes the token.
  await expect
    .poll(async () => (await sessionOf(context))?.idToken, { timeout: 150_000 })
    .not.toBe(first?.idToken);
  const renewed = await sessionOf(context);
  expect(renewed?.idTokenExpiresAt ?? 0).toBeGreaterThan(firstExpiry);
  expect(renewed?.sid).toBe(first?.sid);
  expect(renewed?.signedInAt).toBe(first?.signedInAt);

  // Past the first token's expiry the stream still delivers, and pages still load.
  await expect.poll(() => Date.now(), { timeout: 150_000 }).toBeGreaterThan(firstExpiry + 1_000);
  const name = await make.loadBalancer('tenant-acme');
  await expect(list.row(name)).toBeVisible();
  await expect(shell.liveStatus).toHaveAttribute('data-status', 'live');
  await expect(shell.sessionExpired).toHaveCount(0);
  await list.goto();
  await expect(list.row(name)).toBeVisible();
  await context.close();
});

test('a refresh the issuer refuses ends the session: "Sign in again", nothing changed', async ({
  browser,
  make,
  admin,
}) => {
  const context = await browser.newContext();
  // A real sign-in's tokens, but its ID token is due and its refresh token one the issuer never
  // issued (as after the grant was revoked there).
  await sessionEndingIn(context, 'alice', 3600, {
    refreshToken: 'not-a-refresh-token',
    idTokenExpiresAt: Date.now() - 1_000,
  });
  const page = await context.newPage();
  const name = await make.loadBalancer('tenant-acme');
  const list = new ResourceListPage(page, 'acme', 'services');
  await page.goto(list.path);
  // A page can't be served as nobody: sign in again, coming back here.
  await expect(page).toHaveURL(
    (url) => url.pathname === '/signin' && url.searchParams.get('callbackUrl') === list.path,
  );
  const session = await sessionOf(context);
  expect(session?.refreshFailed).toBe(true);
  // The API says the same: nobody to act as.
  const res = await page.request.get(
    `/api/k8s/list?model=services&namespace=tenant-acme&fieldSelector=metadata.name%3D${name}`,
  );
  expect(res.status()).toBe(401);
  expect(await admin.intact('v1', 'Service', 'tenant-acme', name)).toBe(true);
  await context.close();
});
