'use client';

import { useAction } from '@/components/actions/use-action';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { StatusBadge, type StatusTone } from '@/components/resources/table/status-badge';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { setClusterAddon } from '@/lib/clusters/actions';
import { addonHealth, type AddonHealth, type AddonInfo } from '@/lib/clusters/addon-status';
import type { HelmReleaseObject } from '@/lib/clusters/types';
import { useT } from '@/lib/i18n/client';
import type { MessageKey, Translate } from '@/lib/i18n/messages';

type Row = AddonInfo & { health: AddonHealth };

const tone: Record<AddonHealth['state'], StatusTone> = {
  ready: 'ok',
  failed: 'error',
  progressing: 'warn',
  waiting: 'neutral',
  absent: 'neutral',
};

const stateKey: Record<AddonHealth['state'], MessageKey> = {
  ready: 'clusters.addons.state.ready',
  failed: 'clusters.addons.state.failed',
  progressing: 'clusters.addons.state.progressing',
  waiting: 'clusters.addons.state.waiting',
  absent: 'clusters.addons.state.absent',
};

function detail(t: Translate, h: AddonHealth): string {
  if (h.state === 'waiting')
    return t('clusters.addons.waitingOn', { names: h.waitingOn.join(', ') });
  return h.state === 'failed' || h.state === 'progressing' ? (h.message ?? '') : '';
}

/** One row per catalog add-on: installed or not, release health, and install/remove. */
export function AddonsSection({
  namespace,
  cluster,
  catalog,
  releases,
  canChange,
}: {
  namespace: string;
  cluster: string;
  catalog: AddonInfo[];
  releases: HelmReleaseObject[];
  canChange: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const change = useAction(setClusterAddon, {
    onSuccess: () => toast('success', t('clusters.addons.changing')),
  });
  const rows: Row[] = catalog.map((a) => ({ ...a, health: addonHealth(a.id, releases, catalog) }));
  const columns: Column<Row>[] = [
    {
      id: 'name',
      header: 'common.name',
      cell: (a) => <span className="font-medium">{a.id}</span>,
      sortValue: (a) => a.id,
    },
    {
      id: 'health',
      header: 'common.status',
      cell: (a) => (
        <span className="space-y-1">
          <StatusBadge tone={tone[a.health.state]}>{t(stateKey[a.health.state])}</StatusBadge>
          <span data-testid="addon-detail" className="block text-xs text-slate-500">
            {detail(t, a.health)}
          </span>
        </span>
      ),
    },
    { id: 'chart', header: 'clusters.addons.chart', cell: (a) => a.health.chart },
    {
      id: 'needs',
      header: 'clusters.addons.needs',
      cell: (a) => (a.dependsOn.length ? a.dependsOn.join(', ') : '—'),
    },
  ];
  if (canChange)
    columns.push({
      id: 'action',
      header: 'common.actions',
      cell: (a) => {
        const installed = a.health.state !== 'absent';
        // Required ones stay; the access add-on comes with personal access at create time.
        if (a.required || a.role === 'access') return null;
        return (
          <Button
            disabled={change.pending}
            onClick={() =>
              void change.run({ namespace, cluster, addon: a.id, enabled: !installed })
            }
          >
            {installed ? t('clusters.addons.remove') : t('clusters.addons.install')}
          </Button>
        );
      },
    });
  return (
    <DataTable
      label={t('clusters.addons')}
      rows={rows}
      columns={columns}
      rowKey={(a) => a.id}
      rowName={(a) => a.id}
      rowTestId="addon-row"
      filterable={false}
      initialSort={null}
    />
  );
}
