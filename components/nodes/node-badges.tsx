'use client';

import { StatusBadge, type StatusTone } from '@/components/resources/table/status-badge';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import type { Fencing, NodeTaint, ReadyState, Remediation } from '@/lib/nodes/status';

const readyTone: Record<ReadyState, StatusTone> = {
  Ready: 'ok',
  NotReady: 'error',
  Unknown: 'error',
};

export function ReadyBadge({ ready }: { ready: ReadyState }) {
  const t = useT();
  return <StatusBadge tone={readyTone[ready]}>{t(`nodes.ready.${ready}`)}</StatusBadge>;
}

/** A taint as `key=value:Effect`; the out-of-service taint stands out. */
export function TaintChip({ taint }: { taint: NodeTaint }) {
  const t = useT();
  const text = `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
  return taint.outOfService ? (
    <span
      data-testid="out-of-service"
      title={text}
      className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white"
    >
      {t('nodes.outOfService')}
    </span>
  ) : (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
      {text}
    </span>
  );
}

export function fencingLabel(t: Translate, f: Fencing): string {
  if (!f.enabled && !f.state) return t('nodes.fencing.disabled');
  if (!f.state) return t('nodes.fencing.idle');
  const key = `nodes.fencing.state.${f.state}`;
  return t.has(key) ? t(key) : f.state;
}

export function FencingBadge({ fencing }: { fencing: Fencing }) {
  const t = useT();
  const tone: StatusTone =
    fencing.state === 'fenced' || fencing.state === 'started' || fencing.state === 'pending'
      ? 'warn'
      : fencing.state === 'failed'
        ? 'error'
        : 'neutral';
  return <StatusBadge tone={tone}>{fencingLabel(t, fencing)}</StatusBadge>;
}

const remediationTone: Record<Remediation['state'], StatusTone> = {
  InProgress: 'warn',
  Succeeded: 'ok',
  Failed: 'error',
};

export function RemediationBadge({ remediation }: { remediation: Remediation | undefined }) {
  const t = useT();
  if (!remediation) return <span className="text-slate-400">{t('nodes.remediation.none')}</span>;
  return (
    <StatusBadge tone={remediationTone[remediation.state]}>
      {remediation.kind === 'FenceAgentsRemediation' ? 'FAR' : 'SNR'}{' '}
      {t(`nodes.remediation.${remediation.state}`)}
    </StatusBadge>
  );
}
