'use client';

import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';

import type { ConsoleState } from './use-console';

/** The status line, why a console ended, and the ways back in. */
export function ConsoleStatus({
  state,
  reconnect,
}: {
  state: ConsoleState;
  reconnect: (takeOver?: boolean) => void;
}) {
  const t = useT();
  const ended = state.phase === 'ended' ? state : undefined;
  const why = ended
    ? ended.end
      ? t(ended.end.key)
      : (ended.text ?? t('consoles.end.upstream'))
    : '';
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span
        role="status"
        data-testid="console-status"
        data-phase={ended?.retryInMs !== undefined ? 'reconnecting' : state.phase}
        className={
          state.phase === 'connected'
            ? 'font-medium text-emerald-700 dark:text-emerald-400'
            : 'font-medium text-slate-600 dark:text-slate-300'
        }
      >
        {ended?.retryInMs !== undefined
          ? t('consoles.status.reconnecting', { seconds: Math.round(ended.retryInMs / 1000) })
          : t(`consoles.status.${state.phase}`)}
      </span>
      {ended && (
        <>
          <span data-testid="console-end" data-code={ended.end?.code ?? ''}>
            {why}
          </span>
          {ended.end?.takeOver && (
            <Button tone="primary" onClick={() => reconnect(true)}>
              {t('consoles.takeOver')}
            </Button>
          )}
          <Button onClick={() => reconnect(false)}>{t('consoles.reconnect')}</Button>
        </>
      )}
    </div>
  );
}
