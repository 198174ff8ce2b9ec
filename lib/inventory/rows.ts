// One row per node: what the Node, its BareMetalHost/HardwareData and NFD tell about the machine.
// Pure; the page, the CSV and the chart all read these rows.
import type { NodeObject } from '../k8s/objects';
import { parseQuantity } from '../tenants/quantity';
import type { BareMetalHostObject, HardwareDataObject, Hardware, NodeFeatureObject } from './types';

export interface Disk {
  name?: string;
  model?: string;
  type?: string;
  sizeBytes?: number;
  serial?: string;
}

export interface Nic {
  name?: string;
  mac?: string;
  speedGbps?: number;
}

export interface Amounts {
  cpu?: number;
  memory?: number;
  pods?: number;
}

export interface InventoryRow {
  node: string;
  ready: boolean;
  roles: string[];
  /** namespace/name of the node's BareMetalHost, if it has one. */
  host?: { namespace: string; name: string };
  vendor?: string;
  model?: string;
  serial?: string;
  cpuModel?: string;
  cores?: number;
  threads?: number;
  memoryBytes?: number;
  disks: Disk[];
  nics: Nic[];
  osImage?: string;
  kernel?: string;
  kubelet?: string;
  runtime?: string;
  capacity: Amounts;
  allocatable: Amounts;
  requests: Amounts;
  /** Extended resources (GPUs and others): name → capacity. */
  extended: Record<string, number>;
  poweredOn?: boolean;
  online?: boolean;
  provisioning?: string;
  operational?: string;
  error?: string;
  /** LINSTOR storage pools on the node (hook: see lib/inventory/hooks.ts). */
  pools: string[];
}

/** Requested CPU (cores) and memory (bytes) of the pods bound to each node. */
export type NodeRequests = Record<string, { cpu: number; memory: number; pods: number }>;

const NODE_LABEL = 'stratus.dev/node';
const NFD_NODE = 'nfd.node.kubernetes.io/node-name';
const builtIn = new Set(['cpu', 'memory', 'pods', 'ephemeral-storage']);

function amounts(r: Record<string, string> | undefined): Amounts {
  return {
    cpu: r?.cpu ? parseQuantity(r.cpu) : undefined,
    memory: r?.memory ? parseQuantity(r.memory) : undefined,
    pods: r?.pods ? parseQuantity(r.pods) : undefined,
  };
}

/** The BareMetalHost behind a node: by our label, its consumer, its hostname, or its name. */
export function hostOf(
  node: string,
  hosts: BareMetalHostObject[],
): BareMetalHostObject | undefined {
  return (
    hosts.find((h) => h.metadata?.labels?.[NODE_LABEL] === node) ??
    hosts.find((h) => h.status?.hardware?.hostname === node) ??
    hosts.find((h) => h.metadata?.name === node)
  );
}

function nfdOf(node: string, features: NodeFeatureObject[]): NodeFeatureObject | undefined {
  return features.find((f) => f.metadata?.labels?.[NFD_NODE] === node || f.metadata?.name === node);
}

const attr = (f: NodeFeatureObject | undefined, feature: string, key: string) =>
  f?.spec?.features?.attributes?.[feature]?.elements?.[key];

export function inventoryRow(
  n: NodeObject,
  ctx: {
    hosts: BareMetalHostObject[];
    hardware: HardwareDataObject[];
    features: NodeFeatureObject[];
    requests: NodeRequests;
    pools?: (node: string) => string[];
  },
): InventoryRow {
  const node = n.metadata?.name ?? '';
  const labels = n.metadata?.labels ?? {};
  const host = hostOf(node, ctx.hosts);
  const hd = host
    ? ctx.hardware.find(
        (d) =>
          d.metadata?.name === host.metadata?.name &&
          d.metadata?.namespace === host.metadata?.namespace,
      )
    : undefined;
  // HardwareData is where Metal3 is heading; BMH status.hardware is its deprecated twin.
  const hw: Hardware | undefined = hd?.spec?.hardware ?? host?.status?.hardware;
  const nfd = nfdOf(node, ctx.features);
  const info = n.status?.nodeInfo;
  const capacity = n.status?.capacity ?? {};
  const threads = hw?.cpu?.count ?? (capacity.cpu ? parseQuantity(capacity.cpu) : undefined);
  const smt =
    attr(nfd, 'cpu.topology', 'hardware_multithreading') ??
    labels['feature.node.kubernetes.io/cpu-hardware_multithreading'];
  const extended = Object.fromEntries(
    Object.entries(capacity)
      .filter(([k]) => !builtIn.has(k) && !k.startsWith('hugepages-'))
      .map(([k, v]) => [k, parseQuantity(v) ?? 0]),
  );
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  const req = ctx.requests[node];
  return {
    node,
    ready,
    roles: Object.keys(labels)
      .filter((k) => k.startsWith('node-role.kubernetes.io/'))
      .map((k) => k.slice('node-role.kubernetes.io/'.length))
      .sort(),
    ...(host
      ? { host: { namespace: host.metadata?.namespace ?? '', name: host.metadata?.name ?? '' } }
      : {}),
    vendor: hw?.systemVendor?.manufacturer ?? attr(nfd, 'system.dmiid', 'sys_vendor'),
    model: hw?.systemVendor?.productName ?? attr(nfd, 'system.dmiid', 'product_name'),
    serial: hw?.systemVendor?.serialNumber,
    cpuModel: hw?.cpu?.model ?? attr(nfd, 'cpu.model', 'vendor_id'),
    threads,
    cores: threads !== undefined ? (smt === 'true' ? threads / 2 : threads) : undefined,
    memoryBytes: hw?.ramMebibytes
      ? hw.ramMebibytes * 2 ** 20
      : capacity.memory
        ? parseQuantity(capacity.memory)
        : undefined,
    disks: (hw?.storage ?? []).map((d) => ({
      name: d.name,
      model: d.model,
      type: d.type,
      sizeBytes: d.sizeBytes,
      serial: d.serialNumber,
    })),
    nics: (hw?.nics ?? []).map((c) => ({ name: c.name, mac: c.mac, speedGbps: c.speedGbps })),
    osImage: info?.osImage,
    kernel: info?.kernelVersion ?? attr(nfd, 'kernel.version', 'full'),
    kubelet: info?.kubeletVersion,
    runtime: info?.containerRuntimeVersion,
    capacity: amounts(capacity),
    allocatable: amounts(n.status?.allocatable),
    requests: req ? { cpu: req.cpu, memory: req.memory, pods: req.pods } : {},
    extended,
    poweredOn: host?.status?.poweredOn,
    online: host?.spec?.online,
    provisioning: host?.status?.provisioning?.state,
    operational: host?.status?.operationalStatus,
    error: host?.status?.errorMessage || undefined,
    pools: ctx.pools?.(node) ?? [],
  };
}

export interface InventoryTotals {
  nodes: number;
  ready: number;
  threads: number;
  memoryBytes: number;
  diskBytes: number;
  cpuAllocatable: number;
  cpuRequested: number;
  memoryAllocatable: number;
  memoryRequested: number;
  extended: Record<string, number>;
}

export function inventoryTotals(rows: InventoryRow[]): InventoryTotals {
  const t: InventoryTotals = {
    nodes: rows.length,
    ready: 0,
    threads: 0,
    memoryBytes: 0,
    diskBytes: 0,
    cpuAllocatable: 0,
    cpuRequested: 0,
    memoryAllocatable: 0,
    memoryRequested: 0,
    extended: {},
  };
  for (const r of rows) {
    if (r.ready) t.ready += 1;
    t.threads += r.threads ?? 0;
    t.memoryBytes += r.memoryBytes ?? 0;
    t.diskBytes += r.disks.reduce((s, d) => s + (d.sizeBytes ?? 0), 0);
    t.cpuAllocatable += r.allocatable.cpu ?? 0;
    t.cpuRequested += r.requests.cpu ?? 0;
    t.memoryAllocatable += r.allocatable.memory ?? 0;
    t.memoryRequested += r.requests.memory ?? 0;
    for (const [k, v] of Object.entries(r.extended)) t.extended[k] = (t.extended[k] ?? 0) + v;
  }
  return t;
}

/** Case-insensitive search over what a person would look a machine up by. */
export function searchInventory(rows: InventoryRow[], text: string): InventoryRow[] {
  const q = text.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter((r) =>
    [
      r.node,
      r.vendor,
      r.model,
      r.serial,
      r.cpuModel,
      r.osImage,
      r.kernel,
      r.provisioning,
      ...r.roles,
      ...r.nics.map((n) => n.mac),
      ...r.disks.map((d) => `${d.model ?? ''} ${d.serial ?? ''}`),
      ...Object.keys(r.extended),
    ]
      .filter(Boolean)
      .join('\n')
      .toLowerCase()
      .includes(q),
  );
}
