// A node group's CPU and memory: from its instancetype, or the figures typed in. Pure.
import { parseQuantity } from '../tenants/quantity';
import type { InstancetypeObject } from './types';
import type { NodeGroupInput } from './schema';

export interface Size {
  cpu: number;
  memoryGi: number;
}

export type InstancetypeSizes = ReadonlyMap<string, Size>;

/** The sizes of VirtualMachineClusterInstancetypes, by name (those without figures are left out). */
export function instancetypeSizes(items: InstancetypeObject[]): Map<string, Size> {
  const out = new Map<string, Size>();
  for (const it of items) {
    const name = it.metadata?.name;
    const cpu = it.spec?.cpu?.guest;
    const bytes = parseQuantity(it.spec?.memory?.guest ?? '');
    if (name && cpu && bytes) out.set(name, { cpu, memoryGi: bytes / 2 ** 30 });
  }
  return out;
}

/** undefined when the group names an instancetype nobody knows. */
export function groupSize(g: NodeGroupInput, sizes: InstancetypeSizes): Size | undefined {
  if (!g.instancetype) return { cpu: g.cpu, memoryGi: g.memoryGi };
  return sizes.get(g.instancetype);
}

/** An instancetype as the create form offers it. */
export interface InstancetypeOption extends Size {
  name: string;
}

/** The instancetypes with known sizes, smallest first. */
export function instancetypeOptions(items: InstancetypeObject[]): InstancetypeOption[] {
  return [...instancetypeSizes(items)]
    .map(([name, size]) => ({ name, ...size }))
    .sort((a, b) => a.cpu - b.cpu || a.memoryGi - b.memoryGi || a.name.localeCompare(b.name));
}
