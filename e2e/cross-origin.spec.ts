// Another site cannot act with a person's cookies: a server action sent with a foreign Origin is
// refused before it runs, while the same request from the dashboard's own origin goes through.
import { authFile, appOrigin } from './auth';
import { expect, test } from './fixtures';
import { interceptNextAction } from './server-actions';
import { VmPage } from './pages/vms';

test.use({ storageState: authFile('alice') });

test('a server action with a forged Origin changes nothing; the same from this origin runs', async ({
  page,
  make,
  admin,
}) => {
  const name = await make.vm('tenant-acme');
  const vm = new VmPage(page, 'acme', name);
  await vm.goto();
  await vm.deleteButton.click();
  const dialog = page.getByRole('dialog');
  // The dialog's preview is an action too; stop the delete itself.
  await expect(dialog.getByTestId('delete-preview')).toBeVisible();
  await dialog.getByRole('textbox').fill(name);
  const { seen } = await interceptNextAction(page, (body) => body.includes(`"name":"${name}"`));
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  const action = await seen;

  const send = (origin: string) =>
    page.request.post(action.url, {
      headers: { ...action.headers, origin },
      data: action.body,
      failOnStatusCode: false,
    });
  const forged = await send('https://attacker.example');
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await forged.text()).not.toContain('"ok":true');
  expect(await admin.intact('kubevirt.io/v1', 'VirtualMachine', 'tenant-acme', name)).toBe(true);

  const own = await send(appOrigin);
  expect(own.status()).toBe(200);
  await expect
    .poll(() => admin.intact('kubevirt.io/v1', 'VirtualMachine', 'tenant-acme', name))
    .toBe(false);
});
