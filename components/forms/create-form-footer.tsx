'use client';

import Link from 'next/link';
import { useState } from 'react';

import { YamlDialog } from '@/components/resources/detail/yaml-dialog';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import type { Msg } from '@/lib/i18n/messages';

/**
 * The end of every create form: what the quota lacks (checked before submitting), Cancel, the
 * exact YAML that will be created, and the submit button (busy while it runs).
 */
export function CreateFormFooter({
  shortfall,
  quotaTitle,
  cancelHref,
  validate,
  objects,
  yamlTitle,
  submitLabel,
  pendingLabel,
  pending,
}: {
  shortfall: Msg[];
  quotaTitle: string;
  cancelHref: string;
  /** Shows the form's problems; the YAML opens only when there are none. */
  validate: () => boolean;
  /** What will be created (the server's own builder), shown as YAML on request. */
  objects: () => readonly unknown[];
  yamlTitle: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
}) {
  const t = useT();
  const [yamlOpen, setYamlOpen] = useState(false);
  return (
    <>
      {shortfall.length > 0 && (
        <div
          role="alert"
          data-testid="quota-shortfall"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium">{quotaTitle}</p>
          <ul className="mt-1 list-disc pl-5">
            {shortfall.map((s) => (
              <li key={t(s)}>{t(s)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Link
          href={cancelHref}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {t('common.cancel')}
        </Link>
        <Button onClick={() => validate() && setYamlOpen(true)}>
          {t('clusters.new.showYaml')}
        </Button>
        <Button tone="primary" type="submit" disabled={pending} aria-busy={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
      <YamlDialog
        open={yamlOpen}
        onClose={() => setYamlOpen(false)}
        title={yamlTitle}
        note={t('clusters.new.yamlNote')}
        documents={objects}
      />
    </>
  );
}
