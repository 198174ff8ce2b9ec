'use client';

import { useState } from 'react';

import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { migrateVm, powerVm } from '@/lib/vms/actions';
import type { PowerOp } from '@/lib/vms/server';
import type { VmSummary } from '@/lib/vms/status';

/** Which power actions make sense now: KubeVirt refuses the others anyway. */
export function offeredOps(s: VmSummary): PowerOp[] {
  if (s.paused) return ['unpause', 'forceStop'];
  if (s.running) return ['stop', 'restart', 'pause', 'forceStop'];
  if (s.status === 'Stopped' || s.runStrategy === 'Halted') return ['start'];
  return ['forceStop'];
}

export function PowerControls({
  namespace,
  summary: s,
  canMigrate,
}: {
  namespace: string;
  summary: VmSummary;
  canMigrate: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const [confirmForce, setConfirmForce] = useState(false);
  const power = useAction(powerVm, {
    onSuccess: (r) => {
      if (r.fallback) toast('info', t('vms.power.fallback'));
    },
  });
  const migrate = useAction(migrateVm, {
    onSuccess: () => toast('success', t('vms.migration.requested', { name: s.name })),
  });
  const run = (op: PowerOp) => void power.run({ namespace, name: s.name, op });
  const busy = power.pending || migrate.pending;
  const migrationRunning = !!s.migration && !s.migration.done;
  return (
    <div className="flex flex-wrap gap-2" aria-label={t('vms.power.label')} role="group">
      {offeredOps(s).map((op) =>
        op === 'forceStop' ? (
          <Button key={op} tone="ghost" disabled={busy} onClick={() => setConfirmForce(true)}>
            {t('vms.power.forceStop')}
          </Button>
        ) : (
          <Button key={op} disabled={busy} onClick={() => run(op)}>
            {t(`vms.power.${op}`)}
          </Button>
        ),
      )}
      {canMigrate && s.running && !migrationRunning && (
        <Button
          disabled={busy || s.migratable?.ok === false}
          title={s.migratable?.ok === false ? t('vms.error.notMigratable') : undefined}
          onClick={() => void migrate.run({ namespace, name: s.name })}
        >
          {t('vms.power.migrate')}
        </Button>
      )}
      <Dialog
        open={confirmForce}
        onClose={() => setConfirmForce(false)}
        title={t('vms.power.forceTitle', { name: s.name })}
      >
        <p className="text-sm">{t('vms.power.forceIntro')}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setConfirmForce(false)}>{t('common.cancel')}</Button>
          <Button
            tone="danger"
            onClick={() => {
              setConfirmForce(false);
              run('forceStop');
            }}
          >
            {t('vms.power.forceStop')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
