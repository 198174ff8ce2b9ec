'use client';

import { useT } from '@/lib/i18n/client';
import type { ReplicaHealth } from '@/lib/linstor/health';
import type { NodeHealth } from '@/lib/volumes/server';
import type { Translate } from '@/lib/i18n/messages';
import { replicasLine, type VolumeSummary } from '@/lib/volumes/status';

const pill = 'ml-2 inline-block rounded px-1.5 py-0.5 text-xs font-medium';

/** "2/2 UpToDate" and the marks: degraded, all data on one node, resyncing. */
export function ReplicaMarks({
  volume,
  health,
  unavailable,
}: {
  volume: Pick<VolumeSummary, 'pvName'>;
  health: ReplicaHealth | undefined;
  unavailable: boolean;
}) {
  const t = useT();
  return (
    <span data-testid="replicas">
      <span data-testid="replicas-line">{t(replicasLine(volume, health, unavailable))}</span>
      {health && health.replicas.length > 0 && health.degraded && (
        <span
          className={`${pill} bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200`}
          data-testid="mark-degraded"
          title={t('volumes.mark.degradedHint', { up: health.upToDate, expected: health.expected })}
        >
          {t('volumes.mark.degraded')}
        </span>
      )}
      {health?.sameNode && (
        <span
          className={`${pill} bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200`}
        >
          {t('volumes.mark.sameNode')}
        </span>
      )}
      {health?.syncing && (
        <span
          className={`${pill} bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200`}
          data-testid="mark-syncing"
        >
          {t('volumes.mark.syncing')}
        </span>
      )}
    </span>
  );
}

/** How a node is doing, worst first: fencing, out of service, NotReady, satellite offline. */
export function nodeHealthLabel(
  t: Translate,
  n: NodeHealth | undefined,
): { text: string; bad: boolean } {
  if (!n) return { text: t('volumes.node.unknown'), bad: false };
  if (n.fencing) return { text: t('volumes.node.fencing', { state: n.fencing }), bad: true };
  if (n.outOfService) return { text: t('volumes.node.outOfService'), bad: true };
  if (n.ready && n.ready !== 'True') return { text: t('volumes.node.notReady'), bad: true };
  if (n.linstor && n.linstor !== 'ONLINE') return { text: t('volumes.node.offline'), bad: true };
  if (!n.linstor && !n.ready) return { text: t('volumes.node.unknown'), bad: false };
  return { text: t('volumes.node.online'), bad: false };
}

export const diskTone = (state: string) =>
  state === 'UpToDate'
    ? 'text-emerald-700 dark:text-emerald-400'
    : state === 'Diskless'
      ? 'text-slate-500'
      : 'text-red-700 dark:text-red-400';
