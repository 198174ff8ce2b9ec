'use client';

import { useMemo } from 'react';

import type { UserError } from '../k8s/errors';
import { useLiveList } from '../live/use-live-list';
import { vmLists } from './live';
import { vmSummary, type VmSummary } from './status';
import type { DataVolumeObject, MigrationObject, VmiObject } from './types';

const keyOf = (o: { metadata?: { namespace?: string; name?: string } }) =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** Live summaries of VMs (one tenant's, or all for operators), joined from four row lists. */
export function useVmSummaries(namespace: string | undefined): {
  summaries: VmSummary[];
  isLoading: boolean;
  partial: boolean;
  error: UserError | undefined;
} {
  const lists = vmLists(namespace);
  const vms = useLiveList(lists.vms);
  const vmis = useLiveList(lists.instances);
  const dvs = useLiveList(lists.disks);
  const migrations = useLiveList(lists.migrations);
  const summaries = useMemo(() => {
    const byKey = new Map<string, VmiObject>(vmis.items.map((i) => [keyOf(i), i]));
    const disksByNs = new Map<string, Map<string, DataVolumeObject>>();
    for (const d of dvs.items) {
      const ns = d.metadata?.namespace ?? '';
      const m = disksByNs.get(ns) ?? new Map<string, DataVolumeObject>();
      m.set(d.metadata?.name ?? '', d);
      disksByNs.set(ns, m);
    }
    const migrationsByNs = new Map<string, MigrationObject[]>();
    for (const m of migrations.items) {
      const ns = m.metadata?.namespace ?? '';
      migrationsByNs.set(ns, [...(migrationsByNs.get(ns) ?? []), m]);
    }
    const empty = new Map<string, DataVolumeObject>();
    return vms.items.map((vm) => {
      const ns = vm.metadata?.namespace ?? '';
      return vmSummary(
        vm,
        byKey.get(keyOf(vm)),
        disksByNs.get(ns) ?? empty,
        migrationsByNs.get(ns),
      );
    });
  }, [vms.items, vmis.items, dvs.items, migrations.items]);
  return {
    summaries,
    isLoading: vms.isLoading,
    partial: vms.partial || vmis.partial,
    error: vms.error,
  };
}
