// The inventory as CSV (RFC 4180): one line per node, from the same rows the page shows. Pure.
import type { InventoryRow } from './rows';

export const csvColumns = [
  'node',
  'ready',
  'roles',
  'vendor',
  'model',
  'serial',
  'cpu_model',
  'cores',
  'threads',
  'memory_gib',
  'disks',
  'nics',
  'os_image',
  'kernel',
  'kubelet',
  'runtime',
  'cpu_allocatable',
  'cpu_requested',
  'memory_allocatable_gib',
  'memory_requested_gib',
  'extended',
  'power',
  'provisioning',
] as const;

const gib = (b: number | undefined) =>
  b === undefined ? '' : String(Math.round((b / 2 ** 30) * 10) / 10);
const num = (n: number | undefined) => (n === undefined ? '' : String(Math.round(n * 1000) / 1000));

function cell(v: string): string {
  // Quote what would break a line; a leading =+-@ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function inventoryCsv(rows: InventoryRow[]): string {
  const lines = rows.map((r) =>
    [
      r.node,
      r.ready ? 'true' : 'false',
      r.roles.join(' '),
      r.vendor ?? '',
      r.model ?? '',
      r.serial ?? '',
      r.cpuModel ?? '',
      num(r.cores),
      num(r.threads),
      gib(r.memoryBytes),
      r.disks
        .map((d) =>
          `${d.model ?? ''} ${d.type ?? ''} ${gib(d.sizeBytes)}GiB ${d.serial ?? ''}`.trim(),
        )
        .join('; '),
      r.nics
        .map((n) => `${n.name ?? ''} ${n.mac ?? ''} ${n.speedGbps ?? ''}Gbps`.trim())
        .join('; '),
      r.osImage ?? '',
      r.kernel ?? '',
      r.kubelet ?? '',
      r.runtime ?? '',
      num(r.allocatable.cpu),
      num(r.requests.cpu),
      gib(r.allocatable.memory),
      gib(r.requests.memory),
      Object.entries(r.extended)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
      r.poweredOn === undefined ? '' : r.poweredOn ? 'on' : 'off',
      r.provisioning ?? '',
    ]
      .map(cell)
      .join(','),
  );
  return [csvColumns.join(','), ...lines].join('\r\n') + '\r\n';
}
