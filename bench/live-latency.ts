// Live-update latency: time from an object change in the API server to the open page showing it.
// Creates N LoadBalancer Services with the admin client while alice watches /t/acme/services.
import { CoreV1Api } from '@kubernetes/client-node';

import { admin, browser, percentile, signedIn } from './lib';

export async function liveLatency(
  n = 50,
): Promise<{ p50: number; p95: number; max: number; n: number }> {
  const core = admin().makeApiClient(CoreV1Api);
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
  }
}
