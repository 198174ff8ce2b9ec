'use client';

import { Age } from '@/components/ui/age';
import { useAction } from '@/components/actions/use-action';
import { StatusBadge } from '@/components/resources/table/status-badge';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { pauseHealthCheck } from '@/lib/nodes/actions';
import type { HealthCheckSummary } from '@/lib/nodes/status';

import { ConfirmButton } from './confirm-button';

/** medik8s NodeHealthChecks: phase, healthy of observed, remediations in flight; pause and resume. */
export function HealthChecks({ checks }: { checks: HealthCheckSummary[] }) {
  const t = useT();
  return (
    <section aria-label={t('nodes.nhc.title')} className="space-y-2">
      <h2 className="text-lg font-medium">{t('nodes.nhc.title')}</h2>
      {checks.length === 0 ? (
        <p className="text-sm text-slate-500">{t('nodes.nhc.none')}</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-2">
          {checks.map((c) => (
            <HealthCheckCard key={c.name} check={c} />
          ))}
        </div>
      )}
    </section>
  );
}

function HealthCheckCard({ check: c }: { check: HealthCheckSummary }) {
  const t = useT();
  const toast = useToast();
  const action = useAction(pauseHealthCheck, {
    onSuccess: () =>
      toast('success', t(c.paused ? 'nodes.nhc.resumed' : 'nodes.nhc.paused', { name: c.name })),
  });
  const phaseKey = `nodes.nhc.phase.${c.phase}`;
  return (
    <div
      data-testid="health-check"
      data-name={c.name}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">{c.name}</span>
        <span data-testid="nhc-phase">
          <StatusBadge
            tone={c.phase === 'Remediating' ? 'warn' : c.phase === 'Enabled' ? 'ok' : 'neutral'}
          >
            {t.has(phaseKey) ? t(phaseKey) : c.phase}
          </StatusBadge>
        </span>
      </div>
      <p data-testid="nhc-healthy">
        {t('nodes.nhc.healthy', { healthy: c.healthy, observed: c.observed })}
      </p>
      {c.reason && <p className="text-slate-500">{c.reason}</p>}
      {c.template && (
        <p>
          {t('nodes.nhc.template')}: <span className="font-mono text-xs">{c.template}</span>
        </p>
      )}
      {c.inFlight.length > 0 && (
        <div>
          <p className="font-medium">{t('nodes.nhc.inFlight')}</p>
          <ul data-testid="nhc-in-flight">
            {c.inFlight.map((f) => (
              <li key={f.node}>
                {f.node} · <Age at={f.since} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {c.paused && (
        <div>
          <p className="font-medium">{t('nodes.nhc.pausedBy')}</p>
          <ul data-testid="nhc-pause-requests">
            {c.pauseRequests.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <ConfirmButton
        label={t(c.paused ? 'nodes.nhc.resume' : 'nodes.nhc.pause')}
        title={t(c.paused ? 'nodes.nhc.resumeTitle' : 'nodes.nhc.pauseTitle', { name: c.name })}
        disabled={action.pending}
        onConfirm={() => void action.run({ name: c.name, pause: !c.paused })}
      >
        <p>{t(c.paused ? 'nodes.nhc.resumeIntro' : 'nodes.nhc.pauseIntro')}</p>
        {c.paused && (
          <ul className="list-disc pl-5">
            {c.pauseRequests.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </ConfirmButton>
    </div>
  );
}
