'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { useT } from '@/lib/i18n/client';
import type { VmObject } from '@/lib/vms/types';
import { useVolumeHealth } from '@/lib/volumes/use-volumes';

import { DataMap } from './data-map';

/** A VM's page: its disks (claims) → their LINSTOR replicas → the nodes holding them. */
export function VmDataMap({ namespace, vm }: { namespace: string; vm: VmObject }) {
  const t = useT();
  const disks = (vm.spec?.template?.spec?.volumes ?? []).flatMap((v) => {
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    return claim ? [{ label: v.name, volume: claim }] : [];
  });
  const { health } = useVolumeHealth(
    namespace,
    disks.map((d) => d.volume),
    [],
  );
  if (health && !health.ok)
    return (
      <div data-testid="health-unavailable">
        <FormAlert message={t('volumes.health.unavailable', { reason: t(health.reason) })} />
      </div>
    );
  return (
    <DataMap
      root={vm.metadata?.name ?? ''}
      disks={disks.map((d) => {
        const h = health?.ok ? health.volumes[d.volume] : undefined;
        return { ...d, ...(h ? { health: h } : {}) };
      })}
      nodes={health?.ok ? health.nodes : []}
    />
  );
}
