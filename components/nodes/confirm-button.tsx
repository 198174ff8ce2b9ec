'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';

/** A button whose action runs only after the person confirms it in a dialog. */
export function ConfirmButton({
  label,
  title,
  children,
  onConfirm,
  disabled,
  tone = 'secondary',
}: {
  label: string;
  title: string;
  children: React.ReactNode;
  onConfirm: () => void;
  disabled?: boolean;
  tone?: 'secondary' | 'danger';
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button tone={tone} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <div className="space-y-2 text-sm">{children}</div>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          <Button
            tone={tone === 'danger' ? 'danger' : 'primary'}
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {t('nodes.actions.confirm')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
