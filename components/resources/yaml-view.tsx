'use client';

import { useState } from 'react';
import YAML from 'yaml';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';
import type { KubeObject } from '@/lib/k8s/types';

/** Read-only YAML of any object, without the noise of managedFields. */
export function toYaml(o: KubeObject): string {
  const { apiVersion, kind, metadata, ...rest } = o;
  const { managedFields: _m, ...meta } = (metadata ?? {}) as Record<string, unknown>;
  return YAML.stringify({ apiVersion, kind, metadata: meta, ...rest });
}

export function YamlButton({ object }: { object: KubeObject }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = open ? toYaml(object) : '';
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('common.viewYaml')}</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`${object.kind ?? ''} ${object.metadata?.name ?? ''}`}
        wide
      >
        <pre
          data-testid="yaml"
          className="max-h-[60vh] overflow-auto rounded-md bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100"
        >
          {text}
        </pre>
        <div className="mt-4 flex justify-end gap-2">
          <Button
            onClick={() => {
              void navigator.clipboard.writeText(text).then(() => setCopied(true));
            }}
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
          <Button tone="primary" onClick={() => setOpen(false)}>
            {t('common.close')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
