// The demo cloud's bare-metal fleet: one record per server, from which the Nodes, their NFD
// features and the Metal3 BareMetalHosts/HardwareData are all derived, so they agree.

export interface Disk {
  name: string;
  type: 'NVME' | 'SSD' | 'HDD';
  model: string;
  vendor: string;
  serialNumber: string;
  sizeBytes: number;
  wwn?: string;
}

export interface Nic {
  name: string;
  mac: string;
  model: string;
  pciAddress: string;
  speedGbps: number;
  pxe?: boolean;
  ip?: string;
  sriovVfs?: number;
}

export interface Server {
  node: string;
  /** kwok-managed (Ready); the one that isn't stays NotReady. */
  kwok: boolean;
  controlPlane: boolean;
  zone: string;
  ip: string;
  bmcIp: string;
  vendor: 'AMD' | 'Intel';
  cpuModel: string;
  cpuFamily: string;
  cpuModelId: string;
  clockMegahertz: number;
  sockets: number;
  /** Logical CPUs (threads). */
  threads: number;
  memoryGi: number;
  gpus: number;
  sriov: boolean;
  system: { manufacturer: string; productName: string; serialNumber: string };
  bios: { vendor: string; version: string; date: string };
  disks: Disk[];
  nics: Nic[];
}

export const talos = {
  osImage: 'Talos (v1.10.7)',
  osVersion: 'v1.10.7',
  kernel: '6.12.57-talos',
  containerd: 'containerd://2.1.4',
  kubelet: 'v1.34.4',
} as const;

const TB = 1_000_000_000_000;
const GB = 1_000_000_000;

const amdFlags = [
  'avx',
  'avx2',
  'avx512f',
  'avx512bw',
  'avx512vl',
  'aes',
  'sha_ni',
  'svm',
  'sev',
  'sev_es',
  'sev_snp',
  'vaes',
];
const intelFlags = [
  'avx',
  'avx2',
  'avx512f',
  'avx512bw',
  'avx512vl',
  'amx_tile',
  'aes',
  'sha_ni',
  'vmx',
  'sgx',
  'vaes',
];
export const cpuFlags = (s: Server): string[] => (s.vendor === 'AMD' ? amdFlags : intelFlags);

const nvme = (
  i: number,
  model: string,
  serialNumber: string,
  sizeBytes: number,
  vendor = 'Samsung',
): Disk => ({
  name: `/dev/nvme${i}n1`,
  type: 'NVME',
  model,
  vendor,
  serialNumber,
  sizeBytes,
  wwn: `eui.${serialNumber
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .padEnd(16, '0')
    .slice(0, 16)}`,
});

const cx6 = (mac: string, pci: string, port: number, ip?: string): Nic => ({
  name: `enp${parseInt(pci.slice(5, 7), 16)}s0f${port}np${port}`,
  mac,
  model: 'Mellanox Technologies MT2894 Family [ConnectX-6 Lx]',
  pciAddress: pci.replace(/\.\d$/, `.${port}`),
  speedGbps: 25,
  pxe: port === 0,
  ip,
  sriovVfs: 8,
});

export const fleet: Server[] = [
  {
    node: 'node-a1',
    kwok: true,
    controlPlane: true,
    zone: 'dc1-a',
    ip: '10.10.1.11',
    bmcIp: '10.10.0.11',
    vendor: 'AMD',
    cpuModel: 'AMD EPYC 9354 32-Core Processor',
    cpuFamily: '25',
    cpuModelId: '17',
    clockMegahertz: 3250,
    sockets: 1,
    threads: 64,
    memoryGi: 512,
    gpus: 0,
    sriov: false,
    system: {
      manufacturer: 'Supermicro',
      productName: 'AS -1125HS-TNR',
      serialNumber: 'S51234001A',
    },
    bios: {
      vendor: 'American Megatrends International, LLC.',
      version: '1.7a',
      date: '02/11/2025',
    },
    disks: [
      nvme(0, 'SAMSUNG MZ1L2960HCJR-00A07', 'S665NE0T100231', 960 * GB),
      nvme(1, 'SAMSUNG MZQL23T8HCLS-00A07', 'S64HNE0T401187', 3.84 * TB),
      nvme(2, 'SAMSUNG MZQL23T8HCLS-00A07', 'S64HNE0T401192', 3.84 * TB),
    ],
    nics: [
      cx6('b8:3f:d2:4a:10:a0', '0000:41:00.0', 0, '10.10.1.11'),
      cx6('b8:3f:d2:4a:10:a1', '0000:41:00.0', 1),
    ],
  },
  {
    node: 'node-a2',
    kwok: true,
    controlPlane: true,
    zone: 'dc1-b',
    ip: '10.10.1.12',
    bmcIp: '10.10.0.12',
    vendor: 'AMD',
    cpuModel: 'AMD EPYC 9354 32-Core Processor',
    cpuFamily: '25',
    cpuModelId: '17',
    clockMegahertz: 3250,
    sockets: 1,
    threads: 64,
    memoryGi: 512,
    gpus: 0,
    sriov: false,
    system: {
      manufacturer: 'Supermicro',
      productName: 'AS -1125HS-TNR',
      serialNumber: 'S51234002A',
    },
    bios: {
      vendor: 'American Megatrends International, LLC.',
      version: '1.7a',
      date: '02/11/2025',
    },
    disks: [
      nvme(0, 'SAMSUNG MZ1L2960HCJR-00A07', 'S665NE0T100244', 960 * GB),
      nvme(1, 'SAMSUNG MZQL23T8HCLS-00A07', 'S64HNE0T401203', 3.84 * TB),
      nvme(2, 'SAMSUNG MZQL23T8HCLS-00A07', 'S64HNE0T401211', 3.84 * TB),
    ],
    nics: [
      cx6('b8:3f:d2:4a:11:b0', '0000:41:00.0', 0, '10.10.1.12'),
      cx6('b8:3f:d2:4a:11:b1', '0000:41:00.0', 1),
    ],
  },
  {
    node: 'node-a3',
    kwok: true,
    controlPlane: false,
    zone: 'dc1-a',
    ip: '10.10.1.13',
    bmcIp: '10.10.0.13',
    vendor: 'AMD',
    cpuModel: 'AMD EPYC 9454P 48-Core Processor',
    cpuFamily: '25',
    cpuModelId: '17',
    clockMegahertz: 2750,
    sockets: 1,
    threads: 96,
    memoryGi: 768,
    gpus: 0,
    sriov: true,
    system: {
      manufacturer: 'Supermicro',
      productName: 'AS -2115HS-TNR',
      serialNumber: 'S51234003B',
    },
    bios: { vendor: 'American Megatrends International, LLC.', version: '1.8', date: '05/20/2025' },
    disks: [
      nvme(0, 'SAMSUNG MZ1L2960HCJR-00A07', 'S665NE0T100301', 960 * GB),
      nvme(1, 'Micron_7450_MTFDKCC7T6TFR', '23213F7A9C01', 7.68 * TB, 'Micron'),
      nvme(2, 'Micron_7450_MTFDKCC7T6TFR', '23213F7A9C1E', 7.68 * TB, 'Micron'),
      nvme(3, 'Micron_7450_MTFDKCC7T6TFR', '23213F7A9C2B', 7.68 * TB, 'Micron'),
    ],
    nics: [
      cx6('0c:42:a1:7e:20:c0', '0000:c1:00.0', 0, '10.10.1.13'),
      cx6('0c:42:a1:7e:20:c1', '0000:c1:00.0', 1),
    ],
  },
  {
    node: 'node-a4',
    kwok: true,
    controlPlane: false,
    zone: 'dc1-b',
    ip: '10.10.1.14',
    bmcIp: '10.10.0.14',
    vendor: 'Intel',
    cpuModel: 'Intel(R) Xeon(R) Gold 6430',
    cpuFamily: '6',
    cpuModelId: '143',
    clockMegahertz: 2100,
    sockets: 2,
    threads: 128,
    memoryGi: 1024,
    gpus: 2,
    sriov: true,
    system: { manufacturer: 'Dell Inc.', productName: 'PowerEdge R760xa', serialNumber: '7XK4QG3' },
    bios: { vendor: 'Dell Inc.', version: '2.3.5', date: '03/04/2025' },
    disks: [
      nvme(0, 'Dell BOSS-N1', 'PHAB3161004Q480A', 480 * GB, 'Dell'),
      nvme(1, 'Dell Ent NVMe PM1733a RI 3.84TB', 'S5VNNG0W600412', 3.84 * TB),
      nvme(2, 'Dell Ent NVMe PM1733a RI 3.84TB', 'S5VNNG0W600419', 3.84 * TB),
    ],
    nics: [
      cx6('a0:88:c2:3b:40:d0', '0000:31:00.0', 0, '10.10.1.14'),
      cx6('a0:88:c2:3b:40:d1', '0000:31:00.0', 1),
    ],
  },
  {
    node: 'node-a5',
    kwok: true,
    controlPlane: false,
    zone: 'dc1-a',
    ip: '10.10.1.15',
    bmcIp: '10.10.0.15',
    vendor: 'Intel',
    cpuModel: 'Intel(R) Xeon(R) Gold 6430',
    cpuFamily: '6',
    cpuModelId: '143',
    clockMegahertz: 2100,
    sockets: 1,
    threads: 64,
    memoryGi: 512,
    gpus: 0,
    sriov: true,
    system: { manufacturer: 'Dell Inc.', productName: 'PowerEdge R660', serialNumber: '9FJ2QG3' },
    bios: { vendor: 'Dell Inc.', version: '2.3.5', date: '03/04/2025' },
    disks: [
      nvme(0, 'Dell BOSS-N1', 'PHAB3161007R480A', 480 * GB, 'Dell'),
      {
        name: '/dev/sda',
        type: 'SSD',
        model: 'MZ7L37T6HBLA-00A07',
        vendor: 'Samsung',
        serialNumber: 'S6EPNA0W203318',
        sizeBytes: 7.68 * TB,
        wwn: '0x5002538f33a1b2c3',
      },
      {
        name: '/dev/sdb',
        type: 'SSD',
        model: 'MZ7L37T6HBLA-00A07',
        vendor: 'Samsung',
        serialNumber: 'S6EPNA0W203325',
        sizeBytes: 7.68 * TB,
        wwn: '0x5002538f33a1b2d0',
      },
    ],
    nics: [
      cx6('a0:88:c2:3b:51:e0', '0000:31:00.0', 0, '10.10.1.15'),
      cx6('a0:88:c2:3b:51:e1', '0000:31:00.0', 1),
    ],
  },
  {
    node: 'node-b6',
    kwok: false,
    controlPlane: false,
    zone: 'dc1-b',
    ip: '10.10.1.16',
    bmcIp: '10.10.0.16',
    vendor: 'Intel',
    cpuModel: 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz',
    cpuFamily: '6',
    cpuModelId: '106',
    clockMegahertz: 2400,
    sockets: 2,
    threads: 64,
    memoryGi: 256,
    gpus: 0,
    sriov: false,
    system: { manufacturer: 'Dell Inc.', productName: 'PowerEdge R650', serialNumber: '3HQ8LK3' },
    bios: { vendor: 'Dell Inc.', version: '1.14.1', date: '09/18/2024' },
    disks: [
      nvme(0, 'Dell BOSS-S2', 'PHYG2140001N240A', 240 * GB, 'Dell'),
      {
        name: '/dev/sda',
        type: 'HDD',
        model: 'ST8000NM017B-2TJ103',
        vendor: 'Seagate',
        serialNumber: 'WWZ4K8QH',
        sizeBytes: 8 * TB,
        wwn: '0x5000c500e7a1c2d3',
      },
      {
        name: '/dev/sdb',
        type: 'HDD',
        model: 'ST8000NM017B-2TJ103',
        vendor: 'Seagate',
        serialNumber: 'WWZ4K9A2',
        sizeBytes: 8 * TB,
        wwn: '0x5000c500e7a1c2e8',
      },
    ],
    nics: [
      {
        name: 'eno12399np0',
        mac: 'b0:26:28:e5:61:f0',
        model: 'Broadcom Inc. and subsidiaries BCM57414 NetXtreme-E 10Gb/25Gb',
        pciAddress: '0000:4b:00.0',
        speedGbps: 25,
        pxe: true,
        ip: '10.10.1.16',
      },
      {
        name: 'eno12409np1',
        mac: 'b0:26:28:e5:61:f1',
        model: 'Broadcom Inc. and subsidiaries BCM57414 NetXtreme-E 10Gb/25Gb',
        pciAddress: '0000:4b:00.1',
        speedGbps: 25,
      },
    ],
  },
];

/** The NotReady server the fencing story is about. */
export const brokenNode = 'node-b6';
