'use client';

import { useState } from 'react';

import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/actions/result';
import { useT } from '@/lib/i18n/client';
import type { ObjectRef } from '@/lib/k8s/write-set';

/**
 * Delete with the name typed back, and (when given) a preview of everything that goes with it.
 * A failed preview says why instead of loading forever; a lost session raises the banner.
 */
export function DeleteDialog({
  name,
  kindLabel,
  confirmLabel,
  intro,
  preview,
  remove,
  onDeleted,
  children,
}: {
  name: string;
  /** Choices that change what goes (e.g. keep a VM's disks), shown above the confirmation. */
  children?: React.ReactNode;
  /** What it is, for the title: "cluster", "virtual machine". */
  kindLabel: string;
  confirmLabel?: string;
  intro?: string;
  preview?: () => Promise<ActionResult<ObjectRef[]>>;
  remove: (typed: string) => Promise<ActionResult<unknown>>;
  onDeleted: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [items, setItems] = useState<ObjectRef[]>();
  const [previewError, setPreviewError] = useState<string>();
  const close = () => {
    setOpen(false);
    setTyped('');
  };
  const loadPreview = useAction(preview ?? noPreview, {
    onSuccess: setItems,
    onError: (e) => setPreviewError(e.message),
  });
  const del = useAction(remove, {
    onSuccess: () => {
      close();
      onDeleted();
    },
  });
  return (
    <>
      <Button
        tone="danger"
        onClick={() => {
          setOpen(true);
          setItems(undefined);
          setPreviewError(undefined);
          if (preview) void loadPreview.run(undefined);
        }}
      >
        {t('common.delete')}
      </Button>
      <Dialog open={open} onClose={close} title={t('delete.title', { kind: kindLabel, name })}>
        {intro && <p className="text-sm">{intro}</p>}
        {preview &&
          (previewError ? (
            <p
              role="alert"
              data-testid="delete-preview-error"
              className="my-3 text-sm text-red-600"
            >
              {previewError}
            </p>
          ) : (
            <ul
              data-testid="delete-preview"
              className="my-3 max-h-48 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800"
            >
              {items === undefined ? (
                <li>{t('common.loading')}</li>
              ) : (
                items.map((i) => <li key={`${i.kind}/${i.name}`}>{`${i.kind} ${i.name}`}</li>)
              )}
            </ul>
          ))}
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
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            tone="danger"
            disabled={typed !== name || del.pending}
            onClick={() => void del.run(typed).then((r) => r && !r.ok && close())}
          >
            {confirmLabel ?? t('common.delete')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

const noPreview = async (): Promise<ActionResult<ObjectRef[]>> => ({ ok: true, data: [] });
