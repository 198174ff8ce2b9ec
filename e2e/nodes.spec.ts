// Nodes and fencing end to end, as oscar (operator): a node going NotReady shows live with the
// tenants' VMs it hits, a manual fence appears as a remediation timeline, the real node-healthcheck
// controller's remediation of the seeded NotReady node, a drain with a PodDisruptionBudget refusal;
// tenants get "not found" and the API server's 403 for the actions.
import { CoreV1Api, type KubernetesObject } from '@kubernetes/client-node';

import type { Admin } from '../lib/testing/admin';
import { authFile } from './auth';
import { expect, test } from './fixtures';
import { NodePage, NodesPage } from './pages/nodes';
import { Shell } from './pages/shell';
import { interceptNextAction, replayAction } from './server-actions';

const readyStatus = (admin: Admin, name: string, status: 'True' | 'False') =>
  admin.kc.makeApiClient(CoreV1Api).patchNodeStatus({
    name,
    body: [
      {
        op: 'add',
        path: '/status/conditions',
        value: [
          {
            type: 'Ready',
            status,
            reason: status === 'True' ? 'KubeletReady' : 'KubeletNotReady',
            message: status === 'True' ? 'kubelet is posting ready status' : 'PLEG is not healthy',
            lastHeartbeatTime: new Date().toISOString(),
            lastTransitionTime: new Date().toISOString(),
          },
        ],
      },
    ],
  } as Parameters<CoreV1Api['patchNodeStatus']>[0]);

test.describe('oscar, operator', () => {
  test.use({ storageState: authFile('oscar') });

  test('sees a node go NotReady live, the VMs it hits, and fences it', async ({
    page,
    admin,
    cleanup,
    uniqueName,
  }) => {
    test.setTimeout(90_000);
    const name = uniqueName('e2e-node');
    // Not kwok-managed: nothing heartbeats it, the test says how it is.
    await admin.create(
      cleanup.add({ apiVersion: 'v1', kind: 'Node', metadata: { name } } as KubernetesObject),
    );
    await readyStatus(admin, name, 'True');
    cleanup.add({
      apiVersion: 'fence-agents-remediation.medik8s.io/v1alpha1',
      kind: 'FenceAgentsRemediation',
      metadata: { name, namespace: 'medik8s' },
    } as KubernetesObject);

    const list = new NodesPage(page);
    await list.goto();
    await expect(list.cell(name, 'ready')).toContainText('Ready');
    await readyStatus(admin, name, 'False');
    await expect(list.cell(name, 'ready')).toContainText('Not ready');

    await list.row(name).getByRole('link', { name }).click();
    const node = new NodePage(page, name);
    await expect(page).toHaveURL(node.path);
    await expect(node.ready).toContainText('Not ready');
    await expect(page.getByTestId('node-summary')).toContainText('PLEG is not healthy');
    // The tenants' VMs on it (none here: the simulator keeps VMIs to kwok nodes; lib/nodes/status.test.ts covers the join).
    await expect(page.getByRole('region', { name: 'Affected tenants' })).toContainText(
      'No tenant VMs run on this node.',
    );

    await expect(node.remediations).toHaveCount(0);
    await node.act('Fence now');
    // The remediation appears live; the simulator plays the fence agent through its conditions.
    await expect(node.timeline(name).first()).toContainText('Processing: True');
    await expect(node.remediations).toContainText('started by hand');
    await expect(page.getByRole('table', { name: 'Events' })).toContainText(
      'started by oscar@ops.example',
    );
  });

  test('sees the health check remediating the seeded NotReady node', async ({ page }) => {
    const list = new NodesPage(page);
    await list.goto();
    await expect(list.cell('node-b6', 'ready')).toContainText('Unknown');
    await expect(list.cell('node-b6', 'taints').getByTestId('out-of-service')).toBeVisible();
    // Created by the real node-healthcheck controller from the ipmi template.
    await expect(list.cell('node-b6', 'remediation')).toContainText('FAR');
    await expect(list.healthCheck('workers').getByTestId('nhc-phase')).toHaveText('Remediating');
    await expect(list.healthCheck('workers').getByTestId('nhc-in-flight')).toContainText('node-b6');

    const node = new NodePage(page, 'node-b6');
    await node.goto();
    await expect(node.remediations).toContainText('by health check');
    await expect(node.timeline('node-b6').filter({ hasText: 'Processing' })).toHaveCount(1);
  });

  test('drains a node: evictions, and a disruption budget that refuses', async ({
    page,
    admin,
    cleanup,
    uniqueName,
  }) => {
    const name = uniqueName('e2e-drain');
    const ns = uniqueName('e2e-drain');
    const pod = (p: string, app: string) =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: p, namespace: ns, labels: { app } },
        spec: { nodeName: name, containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] },
      }) as KubernetesObject;
    for (const o of [
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name, annotations: { 'kwok.x-k8s.io/node': 'fake' } },
      },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
      pod('guarded-1', 'guarded'),
      pod('guarded-2', 'guarded'),
      pod('free', 'free'),
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'guard', namespace: ns },
        spec: { minAvailable: 2, selector: { matchLabels: { app: 'guarded' } } },
      },
    ] as KubernetesObject[])
      await admin.create(cleanup.add(o));
    await expect
      .poll(async () => {
        const pdb = (await admin.get('policy/v1', 'PodDisruptionBudget', ns, 'guard')) as {
          status?: { currentHealthy?: number };
        };
        return pdb.status?.currentHealthy;
      })
      .toBe(2);

    const node = new NodePage(page, name);
    await node.goto();
    await expect(node.pods).toHaveCount(3);
    await node.act('Drain');
    await expect(node.drainResult).toContainText('1 evicted, 2 refused');
    await expect(node.drainResult.getByTestId('drain-refused').first()).toContainText(
      'Refused by the disruption budget guard',
    );
    await expect(node.cordoned).toHaveText('Yes');
    // The evicted pod leaves the live list; the guarded ones stay.
    await expect(node.pods).toHaveCount(2);
    await expect(page.getByRole('table', { name: 'Events' })).toContainText(
      'drained by oscar@ops.example',
    );
  });
});

test.describe('alice, tenant admin', () => {
  test.use({ storageState: authFile('alice') });

  test('gets "not found" for the node pages and a 403 for their actions', async ({
    page,
    as,
    admin,
  }) => {
    const shell = new Shell(page);
    for (const path of ['/console/nodes', '/console/nodes/node-a1']) {
      await page.goto(path);
      await expect(shell.notFound, path).toBeVisible();
    }
    // Capture the cordon oscar's page sends (stopped there), then send it from alice's session.
    const oscar = await as('oscar');
    const detail = new NodePage(oscar, 'node-a1');
    await detail.goto();
    // The page also polls LINSTOR with an action; stop the cordon.
    const { seen } = await interceptNextAction(oscar, (body) => body.includes('"cordon"'));
    await detail.act('Cordon');
    const action = await seen;
    const res = await replayAction(page, action);
    expect(res.text).toContain('You don\'t have permission to cordon node \\"node-a1\\".');
    expect(res.text).toContain('"code":"forbidden"');
    const n = (await admin.get('v1', 'Node', undefined, 'node-a1')) as {
      spec?: { unschedulable?: boolean };
    };
    expect(n.spec?.unschedulable).not.toBe(true);
  });
});
