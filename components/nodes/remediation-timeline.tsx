'use client';

import { useT } from '@/lib/i18n/client';
import type { Remediation } from '@/lib/nodes/status';

import { RemediationBadge } from './node-badges';

/** A remediation's conditions in the order they happened. */
export function RemediationTimeline({ remediation: r }: { remediation: Remediation }) {
  const t = useT();
  return (
    <div
      data-testid="remediation"
      data-name={r.name}
      className="space-y-2 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">
          {r.kind} {r.namespace}/{r.name}
        </span>
        <RemediationBadge remediation={r} />
        <span className="text-xs text-slate-500">
          {t(r.byHealthCheck ? 'nodes.remediation.byHealthCheck' : 'nodes.remediation.manual')}
          {r.template ? ` · ${r.template}` : ''}
        </span>
      </div>
      <ol
        className="space-y-1 border-l border-slate-300 pl-4 dark:border-slate-700"
        data-testid="timeline"
      >
        {r.timeline.map((e) => (
          <li key={`${e.type}`} data-type={e.type} data-status={e.status}>
            <time className="mr-2 font-mono text-xs text-slate-500" dateTime={e.at}>
              {e.at ? new Date(e.at).toLocaleString() : '—'}
            </time>
            <span className="font-medium">
              {e.type}: {e.status}
            </span>
            {e.reason && (
              <span className="ml-2 text-slate-600 dark:text-slate-300">{e.reason}</span>
            )}
            {e.message && <span className="block text-xs text-slate-500">{e.message}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
