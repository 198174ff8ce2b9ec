'use client';

import { useState } from 'react';

import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { reconcileRelease, suspendRelease } from '@/lib/releases/actions';
import type { ReleaseSummary } from '@/lib/releases/status';

type Confirm = 'force' | 'suspend' | 'resume' | null;

/** Reconcile now / force / suspend / resume, each confirmed but the plain reconcile. */
export function ReleaseActions({ release: r }: { release: ReleaseSummary }) {
  const t = useT();
  const toast = useToast();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const reconcile = useAction(reconcileRelease, {
    onSuccess: () => toast('success', t('releases.reconcile.requested', { name: r.name })),
  });
  const suspend = useAction(suspendRelease, {
    onSuccess: (d) =>
      toast(
        'success',
        t(d.suspended ? 'releases.suspended' : 'releases.resumed', { name: r.name }),
      ),
  });
  const busy = reconcile.pending || suspend.pending;
  const target = { namespace: r.namespace, name: r.name };
  const suspended = r.state === 'suspended';
  const go = () => {
    const c = confirm;
    setConfirm(null);
    if (c === 'force') void reconcile.run({ ...target, force: true });
    else if (c) void suspend.run({ ...target, suspend: c === 'suspend' });
  };
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={t('releases.actions')}>
      {!suspended && (
        <>
          <Button disabled={busy} onClick={() => void reconcile.run({ ...target, force: false })}>
            {t('releases.reconcile')}
          </Button>
          <Button disabled={busy} onClick={() => setConfirm('force')}>
            {t('releases.force')}
          </Button>
        </>
      )}
      <Button disabled={busy} onClick={() => setConfirm(suspended ? 'resume' : 'suspend')}>
        {t(suspended ? 'releases.resume' : 'releases.suspend')}
      </Button>
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm ? t(`releases.confirm.${confirm}.title`, { name: r.name }) : ''}
      >
        <p className="text-sm">{confirm ? t(`releases.confirm.${confirm}.intro`) : ''}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
          <Button tone={confirm === 'suspend' ? 'danger' : 'primary'} onClick={go}>
            {confirm ? t(`releases.${confirm}`) : ''}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
