// Virtual machines end to end: create from the catalog, watch it come up live, power it, snapshot
// and restore it, delete it with its disks; bad input gets sentences and creates nothing.
import { keyLine } from '../lib/testing/ssh-keys';
import { expect, test } from './fixtures';
import { holdLateScripts } from './late-scripts';
import { CreateVmPage, VmPage } from './pages/vms';

const acmeVm = (name: string) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, namespace: 'tenant-acme' },
});

test('a tenant admin creates a VM from the catalog, powers, snapshots, restores and deletes it', async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const page = await as('alice');
  const name = uniqueName('vm');
  cleanup.add(acmeVm(name));

  const form = new CreateVmPage(page, 'acme');
  await form.goto();
  await form.name.fill(name);
  await form.bootSource.selectOption({ label: 'Debian 12 (bookworm)' });
  await form.sshKeys.fill(keyLine('ssh-ed25519'));
  await form.showYaml.click();
  await expect(form.yaml).toContainText('kind: VirtualMachine');
  await expect(form.yaml).toContainText('debian-12-genericcloud-amd64.qcow2');
  await expect(form.yaml).toContainText('ssh_authorized_keys');
  await page.getByRole('button', { name: 'Close' }).click();
  await form.submit.click();

  const vm = new VmPage(page, 'acme', name);
  await expect(page).toHaveURL(`/t/acme/virtualmachines/${name}`);
  // The simulator imports the disk and runs the VM; the page follows the live stream.
  await vm.expectStatus('Running');
  await expect(vm.ip).toHaveText(/^10\.244\./);
  await expect(vm.node).not.toHaveText('—');

  await vm.power('Stop').click();
  await vm.expectStatus('Stopped');
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(vm.snapshots().first().getByTestId('snapshot-phase')).toHaveText('Ready', {
    timeout: 30_000,
  });
  await vm.snapshots().first().getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('restore-status')).toHaveText('Restore complete.', {
    timeout: 30_000,
  });
  await vm.power('Start').click();
  await vm.expectStatus('Running');

  // Live migration: the phase follows the migration, and the VM ends up on another node.
  await expect(page.getByTestId('migratable')).toHaveText('Can be live-migrated.');
  const from = (await vm.node.textContent()) ?? '';
  await vm.power('Migrate').click();
  await expect(page.getByTestId('migration-phase')).toHaveAttribute('data-phase', 'Succeeded', {
    timeout: 30_000,
  });
  await expect(vm.node).not.toHaveText(from);
  await expect(vm.node).not.toHaveText('—');

  await vm.delete();
  await expect(page).toHaveURL('/t/acme/virtualmachines');
  await expect(page.locator(`[data-testid="resource-row"][data-name="${name}"]`)).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (
          await admin.list('cdi.kubevirt.io/v1beta1', 'DataVolume', { namespace: 'tenant-acme' })
        ).filter((d) => d.metadata?.name?.startsWith(name) && !d.metadata.deletionTimestamp).length,
    )
    .toBe(0);
});

test('bad VM input is explained on its field and creates nothing', async ({
  as,
  admin,
  uniqueName,
}) => {
  const page = await as('alice');
  const name = uniqueName('bad');
  const form = new CreateVmPage(page, 'acme');
  await form.goto();
  await form.name.fill(name);
  await form.bootSource.selectOption({ label: 'CentOS Stream 9' });
  await form.rootDisk.fill('3');
  await form.sshKeys.fill('ssh-ed25519 not-a-key');
  await form.cloudInit.fill('packages: [nginx]');
  await form.submit.click();
  await expect(page.getByText('The root disk must hold the image: at least 10 GiB.')).toBeVisible();
  await expect(page.getByText(/^Line 1: the key after its type is not valid base64/)).toBeVisible();
  await expect(
    page.getByText('Cloud-init user data must start with the line #cloud-config.'),
  ).toBeVisible();
  await expect(page).toHaveURL('/t/acme/virtualmachines/new');
  expect(await admin.get('kubevirt.io/v1', 'VirtualMachine', 'tenant-acme', name)).toBeUndefined();
});

test("a create clicked twice before the form's validator has arrived is sent once, when it arrives", async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  const page = await as('alice');
  const name = uniqueName('early');
  cleanup.add(acmeVm(name));
  const form = new CreateVmPage(page, 'acme');
  // The validator and builders load after the form is on screen; here they are held back.
  const late = await holdLateScripts(page, '/t/acme/virtualmachines/new');
  await form.goto();
  await expect.poll(() => late.held().length).toBeGreaterThan(0);
  await form.name.fill(name);
  await form.bootSource.selectOption({ label: 'CentOS Stream 9' });
  await form.submit.click();
  await form.submit.click();
  expect(await admin.get('kubevirt.io/v1', 'VirtualMachine', 'tenant-acme', name)).toBeUndefined();
  await expect(form.formError).toBeHidden();

  late.release();
  await expect(page).toHaveURL(`/t/acme/virtualmachines/${name}`);
  await expect(new VmPage(page, 'acme', name).status).toBeVisible();
  expect(await admin.get('kubevirt.io/v1', 'VirtualMachine', 'tenant-acme', name)).toBeDefined();
});

test('a viewer sees VMs but gets no power, create or delete controls', async ({ as, make }) => {
  const vm = await make.vm('tenant-acme');
  const page = await as('carol');
  const detail = new VmPage(page, 'acme', vm);
  await detail.goto();
  await expect(page.getByRole('group', { name: 'Power' })).toHaveCount(0);
  await expect(detail.deleteButton).toHaveCount(0);
  await page.goto('/t/acme/virtualmachines/new');
  await expect(page.getByTestId('read-only')).toBeVisible();
});

test("the operator's VM list shows every tenant's VMs with their tenant, and filters", async ({
  as,
  make,
}) => {
  const [a, g] = [await make.vm('tenant-acme', 'opa'), await make.vm('tenant-globex', 'opg')];
  const page = await as('oscar');
  await page.goto('/console/vms');
  const row = (n: string) => page.locator(`[data-testid="resource-row"][data-name="${n}"]`);
  await expect(row(a).locator('[data-column="tenant"]')).toHaveText('acme');
  await expect(row(g).locator('[data-column="tenant"]')).toHaveText('globex');
  await page.getByRole('searchbox').fill(g);
  await expect(row(a)).toHaveCount(0);
  await expect(row(g)).toBeVisible();
});
