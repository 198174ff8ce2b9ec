'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';

/** Deleting needs the name typed back: cheap insurance against deleting the wrong thing. */
export function ConfirmDelete({
  name,
  what,
  onConfirm,
  onOpen,
  confirmLabel,
  children,
}: {
  name: string;
  what: string;
  onConfirm: () => Promise<void>;
  /** Called as the dialog opens, e.g. to load a preview of what goes with it. */
  onOpen?: () => void;
  confirmLabel?: string;
  children?: React.ReactNode;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        tone="danger"
        onClick={() => {
          setOpen(true);
          onOpen?.();
        }}
      >
        {t('common.delete')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`${t('common.delete')} ${what} ${name}?`}
      >
        {children}
        <label className="mt-2 block text-sm">
          {t('common.confirmDelete', { name })}
          <input
            autoFocus
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          <Button
            tone="danger"
            disabled={typed !== name || busy}
            onClick={() => {
              setBusy(true);
              void onConfirm().finally(() => {
                setBusy(false);
                setOpen(false);
                setTyped('');
              });
            }}
          >
            {confirmLabel ?? t('common.delete')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
