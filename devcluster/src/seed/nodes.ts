// Nodes (kwok-managed, except the NotReady one) and their Node Feature Discovery labels and
// NodeFeature objects.
import { createHash } from 'node:crypto';

import type { KObj } from '../simulator/kube/types.ts';
import type { SeedClient } from './client.ts';
import { fleet, talos, type Server } from './fleet.ts';

export const NFD_NAMESPACE = 'node-feature-discovery';
const NFD = 'feature.node.kubernetes.io';

const uuid = (seed: string) => {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

const kernel = /^(\d+)\.(\d+)\.(\d+)/.exec(talos.kernel);

// NFD's names for CPUID flags (klauspost/cpuid spelling).
const cpuidFlags = (s: Server): string[] =>
  s.vendor === 'AMD'
    ? ['AESNI', 'AVX', 'AVX2', 'AVX512F', 'AVX512BW', 'AVX512VL', 'SHA', 'VAES', 'SVM']
    : ['AESNI', 'AVX', 'AVX2', 'AVX512F', 'AVX512BW', 'AVX512VL', 'AMXTILE', 'SHA', 'VAES', 'VMX'];

/** The labels nfd-master puts on the node, derived from the same hardware record. */
export function nfdLabels(s: Server): Record<string, string> {
  const labels: Record<string, string> = {
    'cpu-model.vendor_id': s.vendor,
    'cpu-model.family': s.cpuFamily,
    'cpu-model.id': s.cpuModelId,
    'cpu-hardware_multithreading': 'true',
    'kernel-version.full': talos.kernel,
    'kernel-version.major': kernel?.[1] ?? '',
    'kernel-version.minor': kernel?.[2] ?? '',
    'kernel-version.revision': kernel?.[3] ?? '',
    'system-os_release.ID': 'talos',
    'system-os_release.VERSION_ID': talos.osVersion,
    'storage-nonrotationaldisk': String(s.disks.some((d) => d.type !== 'HDD')),
    'memory-numa': String(s.sockets > 1),
    'pci-15b3.present': String(s.nics.some((n) => n.model.startsWith('Mellanox'))),
    [`pci-${s.vendor === 'AMD' ? '1022' : '8086'}.present`]: 'true',
  };
  for (const f of cpuidFlags(s)) labels[`cpu-cpuid.${f}`] = 'true';
  if (s.vendor === 'AMD') labels['cpu-security.sev.enabled'] = 'true';
  else labels['cpu-security.sgx.enabled'] = 'true';
  if (s.sriov) labels['network-sriov.capable'] = 'true';
  if (s.gpus > 0) labels['pci-10de.present'] = 'true';
  for (const k of Object.keys(labels)) if (labels[k] === 'false') delete labels[k];
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${NFD}/${k}`, v]));
}

export function nodeObject(s: Server): KObj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: s.node,
      labels: {
        'kubernetes.io/hostname': s.node,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/region': 'dc1',
        'topology.kubernetes.io/zone': s.zone,
        'node-role.kubernetes.io/worker': '',
        ...(s.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        ...(s.kwok ? { type: 'kwok' } : {}),
        ...(s.gpus
          ? { 'nvidia.com/gpu.present': 'true', 'nvidia.com/gpu.product': 'NVIDIA-L40S' }
          : {}),
        ...nfdLabels(s),
      },
      annotations: {
        ...(s.kwok ? { 'kwok.x-k8s.io/node': 'fake' } : {}),
        'node.alpha.kubernetes.io/ttl': '0',
        'nfd.node.kubernetes.io/feature-labels': Object.keys(nfdLabels(s))
          .map((k) => k.slice(NFD.length + 1))
          .join(','),
      },
    },
    spec: { providerID: `talos://metal/${s.node}` },
  };
}

export function nodeStatus(s: Server): Record<string, unknown> {
  const memKi = s.memoryGi * 1024 * 1024;
  const disk = s.disks[0]?.sizeBytes ?? 0;
  const extended = s.gpus ? { 'nvidia.com/gpu': String(s.gpus) } : {};
  return {
    capacity: {
      cpu: String(s.threads),
      memory: `${memKi}Ki`,
      pods: '250',
      'ephemeral-storage': `${Math.floor(disk / 1024)}Ki`,
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      ...extended,
    },
    allocatable: {
      cpu: `${s.threads * 1000 - 1500}m`,
      memory: `${memKi - 8 * 1024 * 1024}Ki`,
      pods: '250',
      'ephemeral-storage': `${Math.floor((disk * 0.9) / 1024)}Ki`,
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      ...extended,
    },
    addresses: [
      { type: 'InternalIP', address: s.ip },
      { type: 'Hostname', address: s.node },
    ],
    nodeInfo: {
      architecture: 'amd64',
      bootID: uuid(`boot:${s.node}`),
      containerRuntimeVersion: talos.containerd,
      kernelVersion: talos.kernel,
      kubeProxyVersion: '',
      kubeletVersion: talos.kubelet,
      machineID: uuid(`machine:${s.node}`).replaceAll('-', ''),
      operatingSystem: 'linux',
      osImage: talos.osImage,
      systemUUID: uuid(`system:${s.node}`),
    },
  };
}

/** The NotReady node: kubelet silent for a while, fencing started, out-of-service taint applied. */
export function brokenNodeExtras(s: Server, now: Date, fencingState: string) {
  const since = new Date(now.getTime() - 11 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lost = new Date(now.getTime() - 14 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const unknown = (type: string) => ({
    type,
    status: 'Unknown',
    reason: 'NodeStatusUnknown',
    message: 'Kubelet stopped posting node status.',
    lastHeartbeatTime: lost,
    lastTransitionTime: since,
  });
  return {
    annotations: {
      'fencing/enabled': 'true',
      'fencing/state': fencingState,
      'fencing/timestamp': String(Math.floor(new Date(since).getTime() / 1000) + 60),
    },
    taints: [
      {
        key: 'node.kubernetes.io/out-of-service',
        value: 'nodeshutdown',
        effect: 'NoExecute',
        timeAdded: since,
      },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: since },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: since },
    ],
    conditions: ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map(unknown),
  };
}

export function nodeFeature(s: Server): KObj {
  const attrs = (o: Record<string, string>) => ({ elements: o });
  return {
    apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
    kind: 'NodeFeature',
    metadata: {
      name: s.node,
      namespace: NFD_NAMESPACE,
      labels: { 'nfd.node.kubernetes.io/node-name': s.node },
    },
    spec: {
      labels: Object.fromEntries(
        Object.entries(nfdLabels(s)).map(([k, v]) => [k.slice(NFD.length + 1), v]),
      ),
      features: {
        flags: {
          'cpu.cpuid': { elements: Object.fromEntries(cpuidFlags(s).map((f) => [f, {}])) },
          'kernel.loadedmodule': {
            elements: {
              kvm: {},
              [s.vendor === 'AMD' ? 'kvm_amd' : 'kvm_intel']: {},
              drbd: {},
              vfio_pci: {},
            },
          },
        },
        attributes: {
          'cpu.model': attrs({ vendor_id: s.vendor, family: s.cpuFamily, id: s.cpuModelId }),
          'cpu.topology': attrs({
            hardware_multithreading: 'true',
            socket_count: String(s.sockets),
          }),
          'kernel.version': attrs({
            full: talos.kernel,
            major: kernel?.[1] ?? '',
            minor: kernel?.[2] ?? '',
            revision: kernel?.[3] ?? '',
          }),
          'memory.numa': attrs({ is_numa: String(s.sockets > 1), node_count: String(s.sockets) }),
          'system.osrelease': attrs({ ID: 'talos', VERSION_ID: talos.osVersion, NAME: 'Talos' }),
          'system.dmiid': attrs({
            sys_vendor: s.system.manufacturer,
            product_name: s.system.productName,
            bios_vendor: s.bios.vendor,
            bios_version: s.bios.version,
            bios_date: s.bios.date,
          }),
        },
        instances: {
          'pci.device': {
            elements: [
              ...s.nics.map((n) => ({
                attributes: {
                  class: '0200',
                  vendor: n.model.startsWith('Mellanox') ? '15b3' : '14e4',
                  device: n.model.startsWith('Mellanox') ? '101f' : '16d7',
                  sriov_totalvfs: String(n.sriovVfs ?? 0),
                },
              })),
              ...Array.from({ length: s.gpus }, () => ({
                attributes: { class: '0302', vendor: '10de', device: '26b9' },
              })),
            ],
          },
          'storage.block': {
            elements: s.disks.map((d) => ({
              attributes: {
                name: d.name.replace('/dev/', ''),
                rotational: d.type === 'HDD' ? '1' : '0',
                dax: '0',
                zoned: 'none',
              },
            })),
          },
          'network.device': {
            elements: s.nics.map((n) => ({
              attributes: {
                name: n.name,
                operstate: 'up',
                speed: String(n.speedGbps * 1000),
                mtu: '9000',
                sriov_totalvfs: String(n.sriovVfs ?? 0),
              },
            })),
          },
        },
      },
    },
  };
}

export async function seedNodes(c: SeedClient, now: Date): Promise<void> {
  const nodes = await Promise.all(
    fleet.map(async (s) => {
      const node = nodeObject(s);
      if (!s.kwok) {
        // Keep the fencing state the simulator reached; only a fresh seed starts it at "started".
        const cur = await c.get(node);
        const extras = brokenNodeExtras(
          s,
          now,
          cur?.metadata.annotations?.['fencing/state'] ?? 'started',
        );
        node.metadata.annotations = { ...node.metadata.annotations, ...extras.annotations };
        node.spec = { ...(node.spec as object), taints: extras.taints };
        return { s, node, extras };
      }
      return { s, node, extras: undefined };
    }),
  );
  await c.apply(nodes.map((n) => n.node));
  // kwok's node-initialize stage writes a whole status (defaults for what's missing) once, from the
  // node as it first saw it; write ours after that so it isn't overwritten.
  await Promise.all(nodes.filter((n) => n.s.kwok).map((n) => waitKwokReady(c, n.node)));
  for (const { s, node, extras } of nodes) {
    await c.status(node, nodeStatus(s));
    if (extras) {
      // The node lifecycle controller may already have said "never updated"; make it "stopped
      // posting" unless the simulator has moved it on (NodeFenced).
      const cur = await c.get<
        KObj & { status?: { conditions?: { type: string; reason?: string }[] } }
      >(node);
      const reason = cur?.status?.conditions?.find((x) => x.type === 'Ready')?.reason;
      if (reason !== 'NodeStatusUnknown' && reason !== 'NodeFenced')
        await c.status(node, { conditions: extras.conditions });
    }
  }
  await c.apply(fleet.map(nodeFeature));
}

async function waitKwokReady(c: SeedClient, node: KObj, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const cur = await c.get<
      KObj & { status?: { conditions?: { type: string; status: string }[] } }
    >(node);
    if (cur?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `kwok did not initialize node ${node.metadata.name} within ${timeoutMs / 1000}s; is kwok running?`,
  );
}
