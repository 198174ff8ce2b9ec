// Onboarding, re-quota and offboarding as the operator, against the real API server: RBAC (bind on
// the tenant roles), quota, and all-or-nothing when a create fails part-way.
import { afterAll, describe, expect, it } from 'vitest';

import { eventually } from '../../devcluster/src/eventually.testing';
import { kubeFor } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import { models } from '../k8s/models';
import { WriteSetError } from '../k8s/write-set';
import { Admin, refuseCreates, uniqueName } from '../testing/admin';
import { demoViewer, memberOf } from '../testing/viewers';
import { onboardSchema } from './admin-schema';
import { offboardPreview, offboardTenant, onboardTenant, setTenantQuota } from './admin-server';
import { tenantsFor } from './server';

const admin = new Admin();
const oscar = demoViewer('oscar');
const asOscar = kubeFor(oscar.identity);
const made: string[] = [];
const quota = {
  cpu: 8,
  memoryGi: 32,
  storageGi: 100,
  vms: 5,
  clusters: 1,
  volumes: 10,
  loadBalancers: 2,
};
const input = (name: string) =>
  onboardSchema.parse({ name, displayName: `Tenant ${name}`, pools: ['public'], quota });
const gone = (ns: string) =>
  asOscar.get(models.namespaces, undefined, ns).then(
    () => false,
    (e: unknown) => e instanceof KubeApiError && e.status === 404,
  );

afterAll(async () => {
  for (const ns of made)
    await admin.remove({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
});

describe('onboarding', () => {
  it('creates the namespace, quota and bindings; the tenant’s admins then find and use it', async () => {
    const name = uniqueName('on');
    const { namespace } = await onboardTenant(asOscar, input(name));
    made.push(namespace);
    const ns = await asOscar.get(models.namespaces, undefined, namespace);
    expect(ns.metadata?.labels).toMatchObject({
      'stratus.dev/tenant': name,
      'pod-security.kubernetes.io/enforce': 'privileged',
    });
    const q = await asOscar.get(models.resourcequotas, namespace, 'tenant-quota');
    expect(q.spec?.hard).toMatchObject({
      'requests.cpu': '8',
      'count/virtualmachines.kubevirt.io': '5',
    });
    const member = memberOf(name, 'admins');
    const theirs = await tenantsFor(member, kubeFor(member.identity));
    expect(theirs.map((t) => t.name)).toEqual([name]);

    await setTenantQuota(asOscar, name, { ...quota, vms: 7 });
    const changed = await asOscar.get(models.resourcequotas, namespace, 'tenant-quota');
    expect(changed.spec?.hard?.['count/virtualmachines.kubevirt.io']).toBe('7');

    const preview = await offboardPreview(asOscar, name);
    expect(preview.at(-1)).toEqual({ kind: 'Namespace', name: namespace });
    await offboardTenant(asOscar, name);
    await eventually('the namespace gone', () => gone(namespace));
  });

  it('leaves nothing when a create fails in the middle', async () => {
    const name = uniqueName('half');
    const namespace = `tenant-${name}`;
    const probe = uniqueName('probe');
    made.push(namespace);
    // The namespace is brand new when its bindings are created: match on the request's namespace
    // (a namespaceSelector would be read from a cache that may not hold it yet).
    const policy = refuseCreates(
      uniqueName('refuse-rb'),
      namespace,
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'] },
      `request.namespace != '${namespace}' && object.metadata.name != '${probe}'`,
      'test: bindings refused',
    ).map((o) => {
      if (o.kind !== 'ValidatingAdmissionPolicy') return o;
      const spec = (o as { spec: { matchConstraints: Record<string, unknown> } }).spec;
      const { namespaceSelector: _drop, ...rest } = spec.matchConstraints;
      return { ...o, spec: { ...spec, matchConstraints: rest } };
    });
    await admin.apply(policy);
    try {
      // Policies load asynchronously: wait until a probe binding (elsewhere) is refused.
      const probeBinding = {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: probe, namespace: 'default' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'nobody' }],
      };
      await eventually('the policy in force', async () => {
        const refused = await admin.create(probeBinding).then(
          async () => {
            await admin.remove(probeBinding);
            return false;
          },
          () => true,
        );
        return refused;
      });
      const err = await onboardTenant(asOscar, input(name)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteSetError);
      expect((err as WriteSetError).failedObject).toMatch(/^RoleBinding /);
      await eventually('the half-made tenant gone', () => gone(namespace));
    } finally {
      await admin.removeAll(policy);
    }
  });

  it('refuses a taken name before writing anything', async () => {
    const err = await onboardTenant(asOscar, input('acme')).catch((e: unknown) => e);
    expect((err as { problem?: { code?: string } }).problem?.code).toBe('alreadyExists');
  });

  it('is refused by the API server (403) for a tenant admin', async () => {
    const alice = demoViewer('alice');
    const err = await onboardTenant(kubeFor(alice.identity), input(uniqueName('no'))).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WriteSetError);
    expect((err as WriteSetError).problem.code).toBe('forbidden');
    const q = await setTenantQuota(kubeFor(alice.identity), 'acme', quota).catch((e: unknown) => e);
    expect((q as KubeApiError).status).toBe(403);
  });
});
