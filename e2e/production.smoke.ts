// The production run: the standalone build, read-only and unprivileged, as two replicas behind a
// round-robin proxy (scripts/serve-replicas.sh). Every request may land on either replica.
import { virtualMachine } from '../lib/testing/admin';
import { keyLine } from '../lib/testing/ssh-keys';
import { appOrigin } from './auth';
import { expect, test } from './fixtures';
import { VmConsolePage } from './pages/vm-console';
import { CreateVmPage, VmPage } from './pages/vms';
import { Shell } from './pages/shell';

const replicaMetrics = [1, 2].map((i) => {
  const port = Number(new URL(appOrigin).port) + 90 + i;
  return `http://127.0.0.1:${port}/metrics`;
});

async function metricSum(name: string): Promise<number> {
  let sum = 0;
  for (const url of replicaMetrics) {
    const text = await (await fetch(url)).text();
    for (const line of text.split('\n'))
      if (line.startsWith(name) && !line.startsWith('#')) sum += Number(line.split(' ').pop());
  }
  return sum;
}

test('two replicas serve one person: list, create, live updates, console, delete', async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  test.setTimeout(150_000);
  const page = await as('alice');
  const probes = await Promise.all(
    ['/api/healthz', '/api/readyz'].map((p) => page.request.get(p).then((r) => r.status())),
  );
  expect(probes).toEqual([200, 200]);

  // A page carries a fresh CSP nonce on its scripts; chunks come precompressed.
  const doc = await page.goto('/t/acme/virtualmachines');
  const csp = doc?.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const chunk = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const compressed = await page.request.get(chunk ?? '', {
    headers: { 'Accept-Encoding': 'br' },
  });
  expect(compressed.headers()['content-encoding']).toBe('br');
  await new Shell(page).expectLive();

  // Created elsewhere, shown without a reload: the tab's stream lives on one replica while its
  // subscription changes reach either; the other forwards them.
  const other = uniqueName('other');
  await admin.create(cleanup.add(virtualMachine('tenant-acme', other)));
  await expect(page.getByRole('link', { name: other, exact: true })).toBeVisible();

  const name = uniqueName('vm');
  cleanup.add(virtualMachine('tenant-acme', name));
  const form = new CreateVmPage(page, 'acme');
  await form.goto();
  await form.name.fill(name);
  await form.bootSource.selectOption({ label: 'Debian 12 (bookworm)' });
  await form.sshKeys.fill(keyLine('ssh-ed25519'));
  await form.submit.click();
  const vm = new VmPage(page, 'acme', name);
  await expect(page).toHaveURL(`/t/acme/virtualmachines/${name}`);
  await vm.expectStatus('Running', 60_000);

  // The console's ticket and its WebSocket may reach different replicas.
  await page.getByRole('link', { name: 'Console', exact: true }).click();
  const console = new VmConsolePage(page, 'acme', name);
  await console.expectPhase('connected');
  await console.expectScreenShown();

  await vm.goto();
  await vm.delete();
  await expect(page).toHaveURL('/t/acme/virtualmachines');
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);

  const counts = (await (await fetch(`${appOrigin}/__proxy/counts`)).json()) as Record<
    string,
    number
  >;
  expect(Object.values(counts).every((n) => n > 10)).toBe(true);
  expect(await metricSum('stratus_live_forwarded_total{outcome="204"}')).toBeGreaterThan(0);
  expect(await metricSum('stratus_actions_total{action="createVm",outcome="ok"}')).toBe(1);
});
