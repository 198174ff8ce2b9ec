'use client';

import { useT } from '@/lib/i18n/client';
import { say } from '@/lib/i18n/messages';
import type { QuotaLine } from '@/lib/tenants/overview';

/** One quota: what it is, how much is used of how much, and a meter that turns red near the top. */
export function QuotaCard({ line: l }: { line: QuotaLine }) {
  const t = useT();
  return (
    <li
      data-testid="quota-line"
      data-resource={l.resource}
      title={l.resource}
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex justify-between text-sm">
        <span className="font-medium">{say(t, l.label)}</span>
        <span>{t('overview.used', { used: l.usedText, hard: l.hardText })}</span>
      </div>
      {l.ratio !== undefined && (
        <div
          className="mt-2 h-2 rounded bg-slate-200 dark:bg-slate-800"
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(l.ratio * 100)}
          aria-label={say(t, l.label)}
        >
          <div
            className={`h-2 rounded ${l.ratio > 0.9 ? 'bg-red-500' : l.ratio > 0.7 ? 'bg-amber-500' : 'bg-indigo-500'}`}
            style={{ width: `${l.ratio * 100}%` }}
          />
        </div>
      )}
    </li>
  );
}
