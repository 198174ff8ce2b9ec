import { describe, expect, it } from 'vitest';

import { inventoryCsv } from './csv';
import { requestsByNode } from './requests';
import { inventoryRow, inventoryTotals, searchInventory } from './rows';
import type { BareMetalHostObject } from './types';

const node = (name: string, ready = true, extra: Record<string, string> = {}) => ({
  metadata: { name, labels: { 'node-role.kubernetes.io/worker': '' } },
  status: {
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    capacity: { cpu: '64', memory: '256Gi', pods: '110', ...extra },
    allocatable: { cpu: '62', memory: '250Gi', pods: '110', ...extra },
    nodeInfo: {
      osImage: 'Talos (v1.10.7)',
      kernelVersion: '6.12.57-talos',
      kubeletVersion: 'v1.34.4',
      containerRuntimeVersion: 'containerd://2.1.4',
      architecture: 'amd64',
      bootID: '',
      kubeProxyVersion: '',
      machineID: '',
      operatingSystem: 'linux',
      systemUUID: '',
    },
  },
});

const host: BareMetalHostObject = {
  metadata: { name: 'n1', namespace: 'metal3', labels: { 'stratus.dev/node': 'n1' } },
  spec: { online: true },
  status: {
    poweredOn: true,
    provisioning: { state: 'externally provisioned' },
    hardware: {
      cpu: { model: 'AMD EPYC 9354', count: 64 },
      ramMebibytes: 262144,
      systemVendor: {
        manufacturer: 'Dell Inc.',
        productName: 'PowerEdge R7625',
        serialNumber: 'SN1',
      },
      storage: [
        {
          name: '/dev/nvme0n1',
          type: 'NVME',
          model: 'PM9A3',
          sizeBytes: 3.84e12,
          serialNumber: 'D1',
        },
      ],
      nics: [{ name: 'eno1', mac: 'aa:bb:cc:00:00:01', speedGbps: 25 }],
    },
  },
};

const features = [
  {
    metadata: {
      name: 'n1',
      namespace: 'nfd',
      labels: { 'nfd.node.kubernetes.io/node-name': 'n1' },
    },
    spec: {
      features: {
        attributes: { 'cpu.topology': { elements: { hardware_multithreading: 'true' } } },
      },
    },
  },
];

describe('inventoryRow', () => {
  it('joins the Node, its BareMetalHost and NFD', () => {
    const r = inventoryRow(node('n1', true, { 'nvidia.com/gpu': '2' }), {
      hosts: [host],
      hardware: [],
      features,
      requests: { n1: { cpu: 10.5, memory: 2 ** 34, pods: 3 } },
    });
    expect(r).toMatchObject({
      node: 'n1',
      roles: ['worker'],
      host: { namespace: 'metal3', name: 'n1' },
      vendor: 'Dell Inc.',
      model: 'PowerEdge R7625',
      serial: 'SN1',
      cpuModel: 'AMD EPYC 9354',
      threads: 64,
      cores: 32,
      memoryBytes: 2 ** 38,
      kubelet: 'v1.34.4',
      capacity: { cpu: 64 },
      allocatable: { cpu: 62 },
      requests: { cpu: 10.5, memory: 2 ** 34 },
      extended: { 'nvidia.com/gpu': 2 },
      poweredOn: true,
      online: true,
    });
    expect(r.disks[0]).toMatchObject({ model: 'PM9A3', type: 'NVME', serial: 'D1' });
    expect(r.nics[0]).toMatchObject({ mac: 'aa:bb:cc:00:00:01', speedGbps: 25 });
  });

  it('prefers HardwareData over the deprecated BMH status.hardware', () => {
    const r = inventoryRow(node('n1'), {
      hosts: [host],
      hardware: [
        {
          metadata: { name: 'n1', namespace: 'metal3' },
          spec: { hardware: { cpu: { model: 'newer', count: 8 } } },
        },
      ],
      features: [],
      requests: {},
    });
    expect(r).toMatchObject({ cpuModel: 'newer', threads: 8, cores: 8 });
  });

  it('shows what the Node tells when there is no BareMetalHost', () => {
    const r = inventoryRow(node('bare'), {
      hosts: [host],
      hardware: [],
      features: [],
      requests: {},
    });
    expect(r.host).toBeUndefined();
    expect(r).toMatchObject({
      threads: 64,
      memoryBytes: 256 * 2 ** 30,
      osImage: 'Talos (v1.10.7)',
    });
  });
});

describe('totals, search, CSV', () => {
  const ctx = {
    hosts: [host],
    hardware: [],
    features,
    requests: { n1: { cpu: 4, memory: 2 ** 30, pods: 1 } },
  };
  const rows = [inventoryRow(node('n1'), ctx), inventoryRow(node('n2', false), ctx)];

  it('adds up the cluster', () => {
    expect(inventoryTotals(rows)).toMatchObject({
      nodes: 2,
      ready: 1,
      threads: 128,
      cpuAllocatable: 124,
      cpuRequested: 4,
    });
  });

  it('finds a machine by serial, MAC or model', () => {
    expect(searchInventory(rows, 'sn1').map((r) => r.node)).toEqual(['n1']);
    expect(searchInventory(rows, 'AA:BB:CC').map((r) => r.node)).toEqual(['n1']);
    expect(searchInventory(rows, 'nothing-like-it')).toEqual([]);
  });

  it('writes one CSV line per node with a header, quoting what needs it', () => {
    const csv = inventoryCsv(rows).trimEnd().split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]?.startsWith('node,ready,roles,vendor,model,serial')).toBe(true);
    expect(csv[1]).toContain(
      'n1,true,worker,Dell Inc.,PowerEdge R7625,SN1,AMD EPYC 9354,32,64,256',
    );
    const tricky = inventoryCsv([{ ...rows[0]!, vendor: 'A, "B"', model: '=cmd' }]);
    expect(tricky).toContain('"A, ""B"""');
    expect(tricky).toContain("'=cmd");
  });
});

describe('requestsByNode', () => {
  it('sums containers, takes the larger init container, adds overhead, skips finished pods', () => {
    const r = requestsByNode([
      {
        spec: {
          nodeName: 'n1',
          containers: [
            { resources: { requests: { cpu: '500m', memory: '1Gi' } } },
            { resources: { requests: { cpu: '1' } } },
          ],
          initContainers: [{ resources: { requests: { cpu: '4' } } }],
          overhead: { memory: '100Mi' },
        },
      },
      {
        spec: { nodeName: 'n1', containers: [{ resources: { requests: { cpu: '1' } } }] },
        status: { phase: 'Succeeded' },
      },
      { spec: { containers: [{ resources: { requests: { cpu: '1' } } }] } },
    ]);
    expect(r).toEqual({ n1: { cpu: 4, memory: 2 ** 30 + 100 * 2 ** 20, pods: 1 } });
  });
});
