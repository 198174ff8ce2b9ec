// No Secret value reaches a browser: not in a page's HTML, not in a list response, not in the
// live stream — on every page a tenant admin opens.
import { authFile } from './auth';
import { expect, test } from './fixtures';
import { Shell } from './pages/shell';
import { recordStreams, streamData } from './streams';

test.use({ storageState: authFile('alice') });

test("a tenant admin's pages and streams carry no Secret data", async ({ page, admin }) => {
  const secrets = (await admin.list('v1', 'Secret', { namespace: 'tenant-acme' })) as {
    metadata?: { name?: string };
    data?: Record<string, string>;
  }[];
  // The values as the API sends them (base64) and as they decode; long enough to be unmistakable.
  const values = secrets
    .flatMap((s) => Object.values(s.data ?? {}))
    .flatMap((b64) => [b64, Buffer.from(b64, 'base64').toString('utf8')])
    .filter((v) => v.length >= 16);
  expect(values.length).toBeGreaterThan(0);

  await recordStreams(page);
  const bodies: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'eventsource') return;
    const type = r.headers()['content-type'] ?? '';
    if (/json|html|text\/x-component/.test(type)) bodies.push(await r.text().catch(() => ''));
  });

  const cluster = (
    await admin.list('cluster.x-k8s.io/v1beta2', 'Cluster', { namespace: 'tenant-acme' })
  )[0]?.metadata?.name;
  const shell = new Shell(page);
  for (const path of [
    '/t/acme',
    '/t/acme/clusters',
    `/t/acme/clusters/${cluster ?? ''}`,
    '/t/acme/kubeconfig',
  ]) {
    await page.goto(path);
    await shell.expectLive();
    await expect(shell.heading).toBeVisible();
    bodies.push(await page.content());
  }
  const streamed = await streamData(page);
  expect(streamed.length).toBeGreaterThan(0);
  const everything = [...bodies, ...streamed].join('\n');
  const leaked = values.filter((v) => everything.includes(v));
  expect(leaked).toEqual([]);
});
