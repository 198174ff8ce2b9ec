// Load balancers end to end, with MetalLB's real controller: expose a VM's SSH port and see the
// address arrive live; the operator sees who holds it and the pool's count move back on delete;
// bad input gets sentences and creates nothing.
import { expect, test } from './fixtures';
import { CreateLbPage, LbPage, PoolsPage } from './pages/loadbalancers';

const acmeService = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'tenant-acme' },
});

test('a tenant admin exposes port 22 of a VM; the operator sees the address held and freed', async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(90_000);
  const alice = await as('alice');
  const oscar = await as('oscar');
  const name = uniqueName('ssh');
  cleanup.add(acmeService(name));

  const pools = new PoolsPage(oscar);
  await pools.goto();
  const dedicated = pools.pool('acme-dedicated');
  await expect(dedicated.available).toHaveText(/^\d+$/);
  const before = Number(await dedicated.available.textContent());

  const form = new CreateLbPage(alice, 'acme');
  await form.goto();
  await form.name.fill(name);
  await form.vm.selectOption('web-1');
  // The pool acme has to itself comes first (serviceAllocation priority 1).
  await expect(form.pool).toHaveValue('acme-dedicated');
  await expect(form.port(1).port).toHaveValue('22');
  await form.submit.click();

  const lb = new LbPage(alice, 'acme', name);
  await expect(alice).toHaveURL(`/t/acme/loadbalancers/${name}`);
  await expect(lb.address).toHaveText(/^203\.0\.113\.(1[6-9]|2[0-3])$/);
  await expect(lb.ports).toHaveText('22/TCP');
  const ip = (await lb.address.textContent()) ?? '';

  // The operator's page follows live: one fewer free, and who holds which address.
  await expect(dedicated.available).toHaveText(String(before - 1));
  await expect(dedicated.holders.filter({ hasText: name })).toContainText(ip);
  await expect(dedicated.holders.filter({ hasText: name })).toContainText('acme');

  await alice.goto('/t/acme/loadbalancers');
  const row = alice.locator(`[data-testid="resource-row"][data-name="${name}"]`);
  await expect(row).toContainText(ip);
  await expect(row).toContainText('VM web-1');

  await lb.goto();
  await lb.delete();
  await expect(alice).toHaveURL('/t/acme/loadbalancers');
  await expect(dedicated.available).toHaveText(String(before));
  await expect(dedicated.holders.filter({ hasText: name })).toHaveCount(0);
  expect(await admin.get('v1', 'Service', 'tenant-acme', name)).toBeUndefined();
});

test('bad input gets a sentence on its field and creates nothing', async ({
  as,
  admin,
  uniqueName,
}) => {
  const alice = await as('alice');
  const name = uniqueName('bad');
  const form = new CreateLbPage(alice, 'acme');
  await form.goto();
  await form.name.fill(name);
  await form.pool.selectOption('public');
  await form.ip.fill('10.9.9.9');
  await form.addPort.click();
  await form.port(2).port.fill('22');
  await form.submit.click();
  await expect(alice.getByText('This protocol and port are already listed.')).toBeVisible();
  await expect(alice.getByText('This address is not in the chosen pool.')).toBeVisible();
  await form.port(2).port.fill('70000');
  await form.submit.click();
  await expect(alice.getByText('Use a port from 1 to 65535.')).toHaveCount(2);
  await expect(alice).toHaveURL('/t/acme/loadbalancers/new');
  expect(await admin.get('v1', 'Service', 'tenant-acme', name)).toBeUndefined();
});
