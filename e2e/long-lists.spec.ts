// A tenant's long lists: the page's HTML carries the first 100 items of each (not thousands of
// whole objects), the live stream brings the rest, and the overview counts the whole list from the
// API server's remainingItemCount while only its first page is on the page.
import type { KubernetesObject } from '@kubernetes/client-node';

import { authFile } from './auth';
import { expect, test } from './fixtures';

test.use({ storageState: authFile('oscar') });

const VOLUMES = 130;

test('a tenant with 130 volumes: 100 in the HTML, all 130 live, the overview counts 130', async ({
  page,
  admin,
  uniqueName,
}) => {
  const tenant = await admin.createTenant(uniqueName('long'));
  try {
    // The tenant quota allows 50 claims.
    await admin.remove({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: tenant.namespace },
    });
    // Labelled as scale objects, so the simulator leaves them be (they stay Pending).
    const claims = Array.from({ length: VOLUMES }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: `claim-${String(i).padStart(3, '0')}`,
        namespace: tenant.namespace,
        labels: { 'stratus.dev/scale': 'e2e' },
      },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    })) satisfies KubernetesObject[];
    for (let i = 0; i < claims.length; i += 10)
      await Promise.all(claims.slice(i, i + 10).map((c) => admin.create(c)));

    const html = await (await page.request.get(`/t/${tenant.name}/volumes`)).text();
    expect(html).toMatch(/data-testid="data-table" data-total="100" data-partial="true"/);
    const overview = await (await page.request.get(`/t/${tenant.name}`)).text();
    expect(overview).toMatch(
      new RegExp(`data-testid="count-persistentvolumeclaims"[^>]*><span[^>]*>${VOLUMES}</span>`),
    );

    await page.goto(`/t/${tenant.name}/volumes`);
    const table = page.getByTestId('data-table');
    await expect(table).toHaveAttribute('data-total', String(VOLUMES));
    await expect(table).not.toHaveAttribute('data-partial', /.*/);
    await page.goto(`/t/${tenant.name}`);
    await expect(
      page.getByTestId('count-persistentvolumeclaims').locator('span').first(),
    ).toHaveText(String(VOLUMES));
  } finally {
    await admin.deleteTenant(tenant.name);
  }
});
