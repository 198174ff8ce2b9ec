'use client';

import { useState } from 'react';

import { useAction } from '@/components/actions/use-action';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { cordonNode, drainNode, fenceNode } from '@/lib/nodes/actions';
import type { DrainResult } from '@/lib/nodes/drain';
import type { NodeSummary } from '@/lib/nodes/status';

import { ConfirmButton } from './confirm-button';

/** Cordon, uncordon, drain and a manual fence: each confirmed first. */
export function NodeActions({
  node,
  farTemplate,
  fenceRunning,
}: {
  node: NodeSummary;
  farTemplate?: { namespace: string; name: string };
  fenceRunning: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const [drained, setDrained] = useState<DrainResult>();
  const cordon = useAction(cordonNode, {
    onSuccess: () =>
      toast(
        'success',
        t(node.cordoned ? 'nodes.actions.uncordoned' : 'nodes.actions.cordoned', {
          name: node.name,
        }),
      ),
  });
  const drain = useAction(drainNode, { onSuccess: setDrained });
  const fence = useAction(fenceNode, {
    onSuccess: () => toast('success', t('nodes.actions.fenceStarted', { name: node.name })),
  });
  const busy = cordon.pending || drain.pending || fence.pending;
  const name = node.name;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label={t('common.actions')}>
        {node.cordoned ? (
          <ConfirmButton
            label={t('nodes.actions.uncordon')}
            title={t('nodes.actions.uncordonTitle', { name })}
            disabled={busy}
            onConfirm={() => void cordon.run({ name, cordon: false })}
          >
            <p>{t('nodes.actions.uncordonIntro')}</p>
          </ConfirmButton>
        ) : (
          <ConfirmButton
            label={t('nodes.actions.cordon')}
            title={t('nodes.actions.cordonTitle', { name })}
            disabled={busy}
            onConfirm={() => void cordon.run({ name, cordon: true })}
          >
            <p>{t('nodes.actions.cordonIntro')}</p>
          </ConfirmButton>
        )}
        <ConfirmButton
          label={t('nodes.actions.drain')}
          title={t('nodes.actions.drainTitle', { name })}
          disabled={busy}
          onConfirm={() => void drain.run({ name })}
        >
          <p>{t('nodes.actions.drainIntro')}</p>
        </ConfirmButton>
        <ConfirmButton
          tone="danger"
          label={t('nodes.actions.fence')}
          title={t('nodes.actions.fenceTitle', { name })}
          disabled={busy || !farTemplate || fenceRunning}
          onConfirm={() => farTemplate && void fence.run({ name, template: farTemplate })}
        >
          <p>
            {farTemplate
              ? t('nodes.actions.fenceIntro', {
                  template: `${farTemplate.namespace}/${farTemplate.name}`,
                })
              : t('nodes.actions.fenceNoTemplate')}
          </p>
        </ConfirmButton>
      </div>
      {drained && <DrainReport result={drained} />}
    </div>
  );
}

function DrainReport({ result: r }: { result: DrainResult }) {
  const t = useT();
  return (
    <div
      data-testid="drain-result"
      role="status"
      className="space-y-2 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
    >
      <p className="font-medium">
        {t('nodes.drain.result', {
          name: r.node,
          evicted: r.evicted.length,
          refused: r.refused.length,
          skipped: r.skipped.length,
        })}
      </p>
      <ul className="space-y-1">
        {r.evicted.map((p) => (
          <li key={`e:${p.namespace}/${p.name}`} data-testid="drain-evicted" data-name={p.name}>
            {t('nodes.drain.evicted')}: {p.namespace}/{p.name}
          </li>
        ))}
        {r.refused.map((p) => (
          <li
            key={`r:${p.namespace}/${p.name}`}
            data-testid="drain-refused"
            data-name={p.name}
            className="text-red-700 dark:text-red-300"
          >
            {p.namespace}/{p.name}:{' '}
            {p.pdb
              ? t('nodes.drain.refusedBy', { pdb: p.pdb, detail: p.detail })
              : t('nodes.drain.refusedOther', { detail: p.detail })}
          </li>
        ))}
        {r.skipped.map((p) => (
          <li key={`s:${p.namespace}/${p.name}`} className="text-slate-500">
            {t('nodes.drain.skipped')}: {p.namespace}/{p.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
