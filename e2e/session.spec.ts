// When the session ends mid-work, the page says so and offers a way back to the same place.
import { appOrigin, authFile, demoUser, issuerOrigin } from './auth';
import { expect, test } from './fixtures';
import { AppSignInPage } from './pages/app-sign-in';
import { IssuerSignInPage } from './pages/issuer-sign-in';
import { ResourceDetailPage } from './pages/resources';
import { Shell } from './pages/shell';

test.use({ storageState: authFile('alice') });

test('an action after the session cookie is gone shows "session expired" and signs back in here', async ({
  page,
  make,
  admin,
}) => {
  const name = await make.loadBalancer('tenant-acme');
  const detail = new ResourceDetailPage(page, 'acme', 'services', name);
  await detail.goto();
  const shell = new Shell(page);
  await expect(shell.sessionExpired).toHaveCount(0);

  await page.context().clearCookies({ name: /^next-auth\.session-token/ });
  await detail.delete();

  await expect(shell.sessionExpired).toBeVisible();
  await expect(shell.alert('Your session has expired. Sign in again to continue.')).toBeVisible();
  const again = shell.sessionExpired.getByRole('link', { name: 'Sign in again' });
  await expect(again).toHaveAttribute(
    'href',
    `/signin?callbackUrl=${encodeURIComponent(detail.path)}`,
  );
  expect(await admin.intact('v1', 'Service', 'tenant-acme', name)).toBe(true);

  // Back through the sign-in flow (the issuer may still know alice), and back to the same page.
  await again.click();
  const signIn = new AppSignInPage(page);
  await signIn.expectShown(detail.path);
  await signIn.start();
  await expect(page).toHaveURL(
    (url) =>
      url.href.startsWith(`${issuerOrigin}/interaction/`) ||
      (url.origin === appOrigin && url.pathname !== '/signin'),
  );
  if (page.url().startsWith(issuerOrigin)) {
    const user = demoUser('alice');
    await new IssuerSignInPage(page).signIn(user.email, user.password);
  }
  await expect(page).toHaveURL(`${appOrigin}${detail.path}`);
  await expect(detail.heading).toBeVisible();
  await expect(shell.sessionExpired).toHaveCount(0);
});
