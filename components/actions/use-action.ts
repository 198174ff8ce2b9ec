'use client';

import { useCallback, useRef, useState } from 'react';

import { SESSION_EXPIRED_EVENT } from '@/components/shell/session-banner';
import { useToast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/actions/result';
import { useT } from '@/lib/i18n/client';
import type { UserError } from '@/lib/k8s/errors';

export interface UseActionOptions<O> {
  onSuccess?: (data: O) => void | Promise<void>;
  /** Show the error yourself (a form's alert); without it, errors become a toast. */
  onError?: (error: UserError) => void;
}

/**
 * Runs a server action the way every button and form does: one run at a time (a double click
 * sends once), a lost session raises the "Sign in again" banner (drafts stay), other errors
 * are shown as a toast or handed to `onError`. Resolves to the result, or undefined when a run
 * was already in flight.
 */
export function useAction<I, O>(
  action: (input: I) => Promise<ActionResult<O>>,
  opts: UseActionOptions<O> = {},
): { run: (input: I) => Promise<ActionResult<O> | undefined>; pending: boolean } {
  const toast = useToast();
  const t = useT();
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const { onSuccess, onError } = opts;
  const run = useCallback(
    async (input: I) => {
      if (busy.current) return undefined;
      busy.current = true;
      setPending(true);
      try {
        // The request itself failed (network, dashboard down): the one message the browser makes.
        const r = await action(input).catch((): ActionResult<O> => ({
          ok: false,
          error: { code: 'unreachable', status: 0, message: t('error.dashboardUnreachable') },
        }));
        if (r.ok) await onSuccess?.(r.data);
        else {
          if (r.error.code === 'unauthenticated')
            window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
          if (onError) onError(r.error);
          else toast('error', r.error.message);
        }
        return r;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [action, onSuccess, onError, toast, t],
  );
  return { run, pending };
}
