'use client';

import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import { cancelVmMigration } from '@/lib/vms/actions';
import type { VmSummary } from '@/lib/vms/status';

/** The latest live migration: its phase, source → target node, and a cancel while it runs. */
export function MigrationSection({
  namespace,
  summary: s,
  canCancel,
}: {
  namespace: string;
  summary: VmSummary;
  canCancel: boolean;
}) {
  const t = useT();
  const cancel = useAction(cancelVmMigration);
  const m = s.migration;
  return (
    <div className="space-y-2 text-sm" data-testid="migration">
      {s.migratable && (
        <p data-testid="migratable">
          {s.migratable.ok
            ? t('vms.migration.migratable')
            : t('vms.migration.notMigratable', { reason: s.migratable.message ?? '' })}
        </p>
      )}
      {m ? (
        <div className="flex flex-wrap items-center gap-3">
          <span data-testid="migration-phase" data-phase={m.phase}>
            {t('vms.migration.line', {
              phase: m.phase,
              from: m.sourceNode ?? '—',
              to: m.targetNode ?? '…',
            })}
          </span>
          {canCancel && !m.done && (
            <Button
              tone="ghost"
              disabled={cancel.pending}
              onClick={() => void cancel.run({ namespace, migration: m.name })}
            >
              {t('vms.migration.cancel')}
            </Button>
          )}
        </div>
      ) : (
        <p className="text-slate-500">{t('vms.migration.none')}</p>
      )}
    </div>
  );
}
