import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

import { repoRoot } from '../config.ts';
import { demoTenants } from '../demo-users.ts';
import { fleet } from './fleet.ts';
import { helmReleaseStatus, releases } from './flux.ts';
import { bareMetalHost, hardwareData } from './hardware.ts';
import { nodeObject } from './nodes.ts';
import { contentObjects, tenantObjects } from './tenants.ts';

describe('fleet', () => {
  it('has 5 kwok nodes and one NotReady node, with hosts that match', () => {
    expect(fleet.filter((s) => s.kwok)).toHaveLength(5);
    const b6 = nodeObject(fleet.find((s) => !s.kwok) ?? fleet[0]!);
    expect(b6.metadata.annotations?.['kwok.x-k8s.io/node']).toBeUndefined();
    const gpu = fleet.filter(
      (s) => nodeObject(s).metadata.labels?.['feature.node.kubernetes.io/pci-10de.present'],
    );
    expect(gpu.map((s) => s.node)).toEqual(['node-a4']);
    for (const s of fleet) {
      const bmh = bareMetalHost(s) as unknown as {
        spec: { bootMACAddress: string; bmc: { address: string } };
      };
      expect(s.nics.map((n) => n.mac)).toContain(bmh.spec.bootMACAddress);
      expect(bmh.spec.bmc.address).toBe(`redfish://${s.bmcIp}/redfish/v1/Systems/1`);
      expect(hardwareData(s).metadata.name).toBe(s.node);
    }
    const serials = fleet.flatMap((s) => s.disks.map((d) => d.serialNumber));
    expect(new Set(serials).size).toBe(serials.length);
  });
});

describe('tenants', () => {
  it('match deploy/rbac/tenant.example.yaml', () => {
    const example = YAML.parseAllDocuments(
      readFileSync(path.join(repoRoot, 'deploy/rbac/tenant.example.yaml'), 'utf8'),
    ).map((d) => d.toJSON() as Record<string, unknown>);
    const acme = demoTenants.find((t) => t.name === 'acme');
    expect(acme).toBeDefined();
    expect(tenantObjects(acme!)).toEqual(example);
  });

  it('own clusters, VMs, volumes and load balancers', () => {
    for (const t of demoTenants) {
      const kinds = contentObjects(t).map((o) => o.kind);
      for (const k of [
        'Cluster',
        'VirtualMachine',
        'DataVolume',
        'PersistentVolumeClaim',
        'Service',
      ])
        expect(kinds).toContain(k);
    }
  });
});

describe('releases', () => {
  it('are ~25 with a mix of states', () => {
    expect(releases.length).toBeGreaterThanOrEqual(25);
    const count = (s: string) => releases.filter((r) => r.state === s).length;
    expect([
      count('upgrade-failed') + count('install-failed'),
      count('suspended'),
      count('progressing'),
    ]).toEqual([3, 2, 2]);
    for (const r of releases) expect(r.namespace).toMatch(/^cozy-/);
  });
  it('report history and conditions in helm-controller’s shape', () => {
    const cilium = releases.find((r) => r.name === 'cilium')!;
    const s = helmReleaseStatus(cilium, 1, new Date('2026-01-01T00:00:00Z'), 0) as {
      history: Record<string, unknown>[];
      conditions: { type: string; status: string }[];
    };
    expect(s.history[0]).toMatchObject({
      chartName: 'cilium',
      chartVersion: '1.18.4',
      status: 'deployed',
      version: 7,
    });
    for (const k of ['configDigest', 'digest', 'firstDeployed', 'lastDeployed', 'appVersion'])
      expect(s.history[0]).toHaveProperty(k);
    expect(s.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
  });
});
