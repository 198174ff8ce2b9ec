'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';
import type { KubeObject } from '@/lib/k8s/types';

import { useYaml } from './use-yaml';

/** An object as a person reads it: without the noise of managedFields. */
function readable(o: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, ...rest } = o;
  const { managedFields: _m, ...meta } = metadata ?? {};
  return { apiVersion, kind, metadata: meta, ...rest };
}

/** Objects as YAML in a dialog, with copy; `documents` is called only while it is open. */
export function YamlDialog({
  open,
  onClose,
  title,
  documents,
  note,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  documents: () => readonly unknown[];
  note?: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const text = useYaml(open ? documents() : undefined) ?? '';
  return (
    <Dialog open={open} onClose={onClose} title={title} wide>
      {note && <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">{note}</p>}
      <pre
        data-testid="yaml"
        className="max-h-[60vh] overflow-auto rounded-md bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100"
      >
        {text}
      </pre>
      <div className="mt-4 flex justify-end gap-2">
        <Button
          onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
        <Button tone="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
    </Dialog>
  );
}

export function YamlButton({ object }: { object: KubeObject }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('common.viewYaml')}</Button>
      <YamlDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`${object.kind ?? ''} ${object.metadata?.name ?? ''}`}
        documents={() => [readable(object)]}
      />
    </>
  );
}
