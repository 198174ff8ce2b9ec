import { describe, expect, it } from 'vitest';

import { onboardObjects, quotaHard } from './admin-build';
import { tenantRows } from './admin-rows';
import { onboardSchema } from './admin-schema';
import { membersOf } from './members';

const input = onboardSchema.parse({
  name: 'initech',
  displayName: 'Initech',
  adminGroups: '',
  viewerGroups: 'auditors, initech-readers',
  pools: ['public'],
  quota: {
    cpu: '16',
    memoryGi: '64',
    storageGi: '500',
    vms: '10',
    clusters: '2',
    volumes: '20',
    loadBalancers: '3',
  },
});
const env = { namespacePrefix: 'tenant-', groupPrefix: 'oidc:' };

describe('onboardObjects', () => {
  const [ns, quota, admins, viewers] = onboardObjects(input, env);

  it('labels the namespace as the app recognises a tenant, with Pod Security labels', () => {
    expect(ns?.metadata).toMatchObject({
      name: 'tenant-initech',
      labels: {
        'stratus.dev/tenant': 'initech',
        'pod-security.kubernetes.io/enforce': 'privileged',
      },
      annotations: { 'stratus.dev/display-name': 'Initech', 'stratus.dev/allowed-pools': 'public' },
    });
  });

  it('writes the quota as the demo tenants have it', () => {
    expect(quota).toMatchObject({
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: 'tenant-initech' },
    });
    expect(quotaHard(input.quota)).toMatchObject({
      'requests.cpu': '16',
      'requests.memory': '64Gi',
      'count/virtualmachines.kubevirt.io': '10',
    });
  });

  it('binds the conventional admin group and the given viewer groups, prefixed', () => {
    expect(admins).toMatchObject({
      roleRef: { name: 'stratus:tenant-admin' },
      subjects: [{ kind: 'Group', name: 'oidc:tenant-initech-admins' }],
    });
    expect(viewers).toMatchObject({
      roleRef: { name: 'stratus:tenant-viewer' },
      subjects: [{ name: 'oidc:auditors' }, { name: 'oidc:initech-readers' }],
    });
  });
});

describe('onboardSchema', () => {
  it('refuses a bad name, bad groups and a negative quota', () => {
    const r = onboardSchema.safeParse({
      ...input,
      name: 'Bad_Name',
      adminGroups: 'a b',
      quota: { ...input.quota, cpu: -1 },
    });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'adminGroups', 'quota.cpu']));
  });
});

describe('tenantRows and members', () => {
  const objs = onboardObjects(input, env);
  it('reads members back from the bindings, and counts per tenant', () => {
    const bindings = objs.slice(2);
    expect(membersOf(bindings, 'oidc:')).toEqual({
      admins: ['tenant-initech-admins'],
      viewers: ['auditors', 'initech-readers'],
    });
    const rows = tenantRows(
      {
        namespaces: [{ metadata: objs[0]?.metadata }, { metadata: { name: 'kube-system' } }],
        quotas: [
          {
            metadata: { name: 'tenant-quota', namespace: 'tenant-initech' },
            status: { hard: { 'requests.cpu': '16' }, used: { 'requests.cpu': '15' } },
          },
        ],
        bindings,
        clusters: [{ metadata: { namespace: 'tenant-initech' } }],
        vms: [
          { metadata: { namespace: 'tenant-initech' } },
          { metadata: { namespace: 'tenant-other' } },
        ],
        volumes: [],
        addresses: [],
      },
      'oidc:',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'initech',
      counts: { clusters: 1, vms: 1, volumes: 0, addresses: 0 },
      pools: ['public'],
    });
    expect(rows[0]?.fullest).toBeCloseTo(15 / 16);
  });
});
