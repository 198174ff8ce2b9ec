// Nodes and fencing against the real API server: medik8s's real node-healthcheck controller (a
// devcluster component) creating a remediation for a NotReady node, a drain through the Eviction
// API that a PodDisruptionBudget refuses, and tenants refused by the API server.
import { CoreV1Api, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eventually } from '../../devcluster/src/eventually.testing';
import { kubeFor } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import { models } from '../k8s/models';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { demoViewer, memberOf } from '../testing/viewers';
import { cordonNode, drainNode, fenceNode, pauseHealthCheck } from './server';
import { remediationNode } from './status';
import type { NhcObject, RemediationObject } from './types';

const admin = new Admin();
const core = admin.kc.makeApiClient(CoreV1Api);
const oscar = demoViewer('oscar');
const asOscar = kubeFor(oscar.identity);
const FAR_API = 'fence-agents-remediation.medik8s.io/v1alpha1';
const NHC_API = 'remediation.medik8s.io/v1alpha1';
const template = { namespace: 'medik8s', name: 'ipmi' };
const made: KubernetesObject[] = [];

const node = (
  name: string,
  opts: { kwok?: boolean; labels?: Record<string, string> } = {},
): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: { 'kubernetes.io/hostname': name, ...opts.labels },
    annotations: opts.kwok ? { 'kwok.x-k8s.io/node': 'fake' } : ({} as Record<string, string>),
  },
});

async function eventsAbout(kind: string, name: string) {
  const list = await asOscar.list(models.events, {
    namespace: 'default',
    fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}`,
  });
  return list.items;
}

afterAll(async () => {
  // The check goes last: its webhook refuses deleting it while the node is being remediated.
  for (const o of made.reverse())
    await eventually(`removing ${o.kind ?? ''} ${o.metadata?.name ?? ''}`, async () => {
      await admin.remove(o);
      return true;
    });
});

describe('the real node-healthcheck controller', () => {
  const name = uniqueName('itest-nhc');
  const nhcName = uniqueName('itest-nhc');

  beforeAll(async () => {
    const n = node(name, { labels: { 'stratus.test/nhc': nhcName } });
    await admin.apply([n]);
    made.push(n);
    // A node whose kubelet says NotReady (no kwok here: nothing heartbeats it).
    await core.patchNodeStatus({
      name,
      body: [
        {
          op: 'add',
          path: '/status/conditions',
          value: [
            {
              type: 'Ready',
              status: 'False',
              reason: 'KubeletNotReady',
              message: 'container runtime is down',
              lastHeartbeatTime: new Date(Date.now() - 600_000).toISOString(),
              lastTransitionTime: new Date(Date.now() - 600_000).toISOString(),
            },
          ],
        },
      ],
    } as Parameters<typeof core.patchNodeStatus>[0]);
  });

  it('creates a FenceAgentsRemediation from the template for the NotReady node', async () => {
    const nhc = {
      apiVersion: NHC_API,
      kind: 'NodeHealthCheck',
      metadata: { name: nhcName },
      spec: {
        selector: { matchLabels: { 'stratus.test/nhc': nhcName } },
        unhealthyConditions: [
          { type: 'Ready', status: 'False', duration: '2s' },
          { type: 'Ready', status: 'Unknown', duration: '2s' },
        ],
        minHealthy: 0,
        remediationTemplate: {
          apiVersion: FAR_API,
          kind: 'FenceAgentsRemediationTemplate',
          ...template,
        },
      },
    };
    await admin.apply([nhc]);
    made.unshift(nhc);
    const far = (await eventually(`a FAR for ${name}`, () =>
      admin.get(FAR_API, 'FenceAgentsRemediation', template.namespace, name),
    )) as RemediationObject;
    expect(far.metadata?.labels?.['app.kubernetes.io/part-of']).toBe('node-healthcheck-controller');
    expect(remediationNode(far)).toBe(name);
    expect(far.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'NodeHealthCheck',
      name: nhcName,
    });
    expect(far.spec?.agent).toBe('fence_ipmilan');
    const status = (await eventually('the NHC reporting it', async () => {
      const o = (await admin.get(NHC_API, 'NodeHealthCheck', undefined, nhcName)) as NhcObject;
      return o.status?.unhealthyNodes?.find((u) => u.name === name)?.remediations?.length
        ? o
        : undefined;
    })) as NhcObject;
    expect(status.status?.phase).toBe('Remediating');
    expect(status.status?.observedNodes).toBe(1);
    expect(status.status?.healthyNodes).toBe(0);
  });

  it('refuses through its webhook to delete the check while it remediates', async () => {
    const err = await asOscar
      .request('DELETE', `/apis/remediation.medik8s.io/v1alpha1/nodehealthchecks/${nhcName}`)
      .catch((e: unknown) => e);
    // Operators may not delete NHCs (RBAC) — the admin may, and the webhook refuses it.
    expect(err).toBeInstanceOf(KubeApiError);
    const byAdmin = await admin.objects
      .delete({ apiVersion: NHC_API, kind: 'NodeHealthCheck', metadata: { name: nhcName } })
      .catch((e: unknown) => String(e));
    expect(String(byAdmin)).toContain('prohibited due to running remediation');
  });

  it('pauses and resumes it, naming the operator', async () => {
    await pauseHealthCheck(asOscar, nhcName, true, oscar.email);
    const paused = (await admin.get(NHC_API, 'NodeHealthCheck', undefined, nhcName)) as NhcObject;
    expect(paused.spec?.pauseRequests).toEqual([`paused by ${oscar.email}`]);
    await eventually('NHC phase Paused', async () => {
      const o = (await admin.get(NHC_API, 'NodeHealthCheck', undefined, nhcName)) as NhcObject;
      return o.status?.phase === 'Paused';
    });
    await pauseHealthCheck(asOscar, nhcName, false, oscar.email);
    const resumed = (await admin.get(NHC_API, 'NodeHealthCheck', undefined, nhcName)) as NhcObject;
    expect(resumed.spec?.pauseRequests ?? []).toEqual([]);
    await eventually('the pause recorded as an Event', async () =>
      (await eventsAbout('NodeHealthCheck', nhcName)).some(
        (e) => e.reason === 'NodeHealthCheckPaused' && e.message?.includes(oscar.email),
      ),
    );
  });
});

describe('drain', () => {
  const name = uniqueName('itest-drain');
  const ns = uniqueName('itest-drain');
  const pod = (p: string, app: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p, namespace: ns, labels: { app } },
    spec: { nodeName: name, containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] },
  });

  beforeAll(async () => {
    const objs = [
      node(name, { kwok: true }),
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
    ];
    await admin.apply(objs);
    made.push(...objs);
    // kwok runs the pods; the disruption controller then counts them healthy.
    await eventually(
      'the budget counting two healthy pods',
      async () => {
        const pdb = (await admin.get('policy/v1', 'PodDisruptionBudget', ns, 'guard')) as {
          status?: { currentHealthy?: number; observedGeneration?: number };
        };
        return pdb.status?.currentHealthy === 2;
      },
      60_000,
    );
  });

  it('cordons, evicts what it may, and names the budget that refuses', async () => {
    const r = await drainNode(asOscar, name, oscar.email);
    expect(r.evicted).toEqual([{ namespace: ns, name: 'free' }]);
    expect(r.refused.map((x) => [x.name, x.pdb])).toEqual([
      ['guarded-1', 'guard'],
      ['guarded-2', 'guard'],
    ]);
    expect(r.refused[0]?.detail).toContain('disruption budget guard');
    const n = await asOscar.get(models.nodes, undefined, name);
    expect(n.spec?.unschedulable).toBe(true);
    await eventually('the drain recorded as an Event naming the operator', async () =>
      (await eventsAbout('Node', name)).some(
        (e) => e.reason === 'NodeDrained' && e.message?.includes(`by ${oscar.email}`),
      ),
    );
    await cordonNode(asOscar, name, false, oscar.email);
    expect((await asOscar.get(models.nodes, undefined, name)).spec?.unschedulable).toBeUndefined();
  });

  it('starts a manual fence from the template, once', async () => {
    await fenceNode(asOscar, name, template, oscar.email);
    const far = (await admin.get(
      FAR_API,
      'FenceAgentsRemediation',
      template.namespace,
      name,
    )) as RemediationObject;
    made.push({
      apiVersion: FAR_API,
      kind: 'FenceAgentsRemediation',
      metadata: { name, namespace: template.namespace },
    });
    expect(far.metadata?.annotations?.['remediation.medik8s.io/template-name']).toBe('ipmi');
    expect(far.metadata?.labels?.['app.kubernetes.io/part-of']).toBeUndefined();
    expect(far.spec?.agent).toBe('fence_ipmilan');
    const again = await fenceNode(asOscar, name, template, oscar.email).catch((e: unknown) => e);
    expect(again).toMatchObject({ problem: { code: 'conflict' } });
  });
});

describe('tenants', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await admin.createTenant(uniqueName('nodes'));
  });
  afterAll(async () => {
    await admin.deleteTenant(t.name);
  });

  it('are refused every node action by the API server (403)', async () => {
    const tenantAdmin = kubeFor(memberOf(t.name, 'admins').identity);
    const who = 'admins-of@tests.example';
    for (const attempt of [
      () => cordonNode(tenantAdmin, 'node-a1', true, who),
      () => drainNode(tenantAdmin, 'node-a1', who),
      () => fenceNode(tenantAdmin, 'node-a1', template, who),
      () => pauseHealthCheck(tenantAdmin, 'workers', true, who),
      () => tenantAdmin.list(models.nodes),
      () => tenantAdmin.list(models.fenceagentsremediations),
    ]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KubeApiError);
      expect((err as KubeApiError).status).toBe(403);
    }
    expect((await asOscar.get(models.nodes, undefined, 'node-a1')).spec?.unschedulable).not.toBe(
      true,
    );
  });
});
