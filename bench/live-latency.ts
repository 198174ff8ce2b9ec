// Live-update latency: time from an object change in the API server to the open page showing it.
// Creates N LoadBalancer Services with the admin client while alice watches /t/acme/services.
import { CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';

import { admin, browser, percentile, signedIn } from './lib';

export async function liveLatency(
  n = 50,
): Promise<{ p50: number; p95: number; max: number; n: number }> {
  const core = admin().makeApiClient(CoreV1Api);
  // Room for the benchmark's load balancers in acme's quota, restored afterwards.
  const quota = await core.readNamespacedResourceQuota({
    name: 'tenant-quota',
    namespace: 'tenant-acme',
  });
  const before = quota.spec?.hard?.['services.loadbalancers'] ?? '10';
  const setLimit = (v: string) =>
    core.patchNamespacedResourceQuota(
      {
        name: 'tenant-quota',
        namespace: 'tenant-acme',
        body: { spec: { hard: { 'services.loadbalancers': v } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  await setLimit(String(Number(before) + n + 5));
  const b = await browser();
  try {
    const ctx = await signedIn(b, 'alice@acme.example', 'alice-demo');
    const page = await ctx.newPage();
    await page.goto('/t/acme/services');
    await page.getByTestId('live-status').and(page.locator('[data-status="live"]')).waitFor();
    const samples: number[] = [];
    const run = Date.now().toString(36);
    for (let i = 0; i < n; i++) {
      const name = `bench-${run}-${i}`;
      const row = page.locator(`[data-testid="resource-row"][data-name="${name}"]`);
      const t0 = performance.now();
      await core.createNamespacedService({
        namespace: 'tenant-acme',
        body: {
          metadata: { name, labels: { 'stratus.dev/bench': run } },
          spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
        },
      });
      await row.waitFor({ timeout: 10_000 });
      samples.push(performance.now() - t0);
    }
    await core
      .deleteCollectionNamespacedService({
        namespace: 'tenant-acme',
        labelSelector: `stratus.dev/bench=${run}`,
      })
      .catch(async () => {
        // Older servers lack deletecollection for services; fall back to one by one.
        for (let i = 0; i < n; i++)
          await core
            .deleteNamespacedService({ namespace: 'tenant-acme', name: `bench-${run}-${i}` })
            .catch(() => {});
      });
    const sorted = [...samples].sort((a, c) => a - c);
    return {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? NaN,
      n,
    };
  } finally {
    await b.close();
    await setLimit(before);
  }
}
