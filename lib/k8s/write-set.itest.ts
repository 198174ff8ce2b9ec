// The multi-object writer against the real API server: whichever object the server refuses, the
// write fails naming it and leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CLUSTER_LABEL } from '../clusters/labels';
import { buildCluster } from '../clusters/build';
import { createClusterSchema } from '../clusters/schema';
import { defaultNodeGroup } from '../clusters/draft';
import { testContext } from '../testing/platform';
import { english } from '../i18n/catalogs';
import { Admin, refuseCreates, uniqueName, type TestTenant } from '../testing/admin';
import { memberOf } from '../testing/viewers';
import { kubeFor } from './client';
import { apiVersionOf, modelOfKind } from './models';
import type { KubeObject } from './types';
import { createSet, WriteSetError } from './write-set';

const admin = new Admin();
let tenant: TestTenant;
const policy = uniqueName('refuse-kth');
const REFUSE = 'stratus.dev/test-refuse-kind';

/** One tenant cluster's objects, each asking the policy to refuse `kind` (only on a real create). */
function objects(name: string, kind: string): KubeObject[] {
  const input = createClusterSchema.parse({
    name,
    version: 'v1.33.5',
    controlPlaneReplicas: 1,
    nodeGroups: [defaultNodeGroup],
  });
  return buildCluster(input, testContext(tenant.namespace, input)).objects.map((o) => ({
    ...o,
    metadata: { ...o.metadata, labels: { ...o.metadata?.labels, [REFUSE]: kind } },
  }));
}

async function leftOver(name: string, kinds: string[]): Promise<string[]> {
  const found = await Promise.all(
    kinds.map(async (kind) => {
      const m = modelOfKind(kind);
      const items = await admin.list(apiVersionOf(m), m.kind, {
        namespace: tenant.namespace,
        labelSelector: `${CLUSTER_LABEL}=${name}`,
      });
      return items
        .filter((o) => !o.metadata?.deletionTimestamp)
        .map((o) => `${kind}/${o.metadata?.name}`);
    }),
  );
  return found.flat();
}

beforeAll(async () => {
  tenant = await admin.createTenant(uniqueName('ws'));
  const kinds = objects('probe', '').map((o) => modelOfKind(o.kind, o.apiVersion));
  await admin.apply(
    refuseCreates(
      policy,
      tenant.namespace,
      { apiGroups: [...new Set(kinds.map((m) => m.group))], resources: kinds.map((m) => m.plural) },
      `!has(object.metadata.labels) || !('${REFUSE}' in object.metadata.labels) || object.metadata.labels['${REFUSE}'] != object.kind`,
      'injected fault: refused by the test policy',
    ),
  );
  // Policies load asynchronously: wait until a probe is refused before testing anything.
  const kube = kubeFor(memberOf(tenant.name, 'admins').identity);
  const probe = objects('policy-probe', 'KubevirtCluster')[2];
  if (!probe) throw new Error('no probe object');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const refused = await kube.create(modelOfKind(probe.kind, probe.apiVersion), probe).then(
      async (o) => {
        await admin.remove(o as Parameters<Admin['remove']>[0]);
        return false;
      },
      () => true,
    );
    if (refused) break;
    if (Date.now() > deadline) throw new Error('the test admission policy never took effect');
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(async () => {
  for (const kind of ['ValidatingAdmissionPolicyBinding', 'ValidatingAdmissionPolicy'])
    await admin.remove({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind,
      metadata: { name: policy },
    });
  if (tenant) await admin.deleteTenant(tenant.name);
});

describe('createSet', () => {
  const kinds = [
    'Cluster',
    'KamajiControlPlane',
    'KubevirtCluster',
    'KubevirtMachineTemplate',
    'KubeadmConfigTemplate',
    'MachineDeployment',
    'MachineHealthCheck',
    'HelmRelease',
  ];

  it.each(kinds.map((k, i) => [i + 1, k]))(
    'leaves nothing behind when the API server refuses object %i (%s)',
    async (_k, kind) => {
      const kube = kubeFor(memberOf(tenant.name, 'admins').identity);
      const name = uniqueName('kth');
      const set = objects(name, kind);
      expect(set.map((o) => o.kind)).toEqual(kinds);
      const err = await createSet(kube, set).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WriteSetError);
      const failure = err as WriteSetError;
      expect(failure.failedObject).toBe(
        `${kind} ${set.find((o) => o.kind === kind)?.metadata?.name}`,
      );
      expect(english(failure.problem.message)).toContain('injected fault');
      const deadlineGone = Date.now() + 20_000;
      while ((await leftOver(name, kinds)).length && Date.now() < deadlineGone)
        await new Promise((r) => setTimeout(r, 100));
      expect(await leftOver(name, kinds)).toEqual([]);
    },
  );
});
