'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';

import { useAction } from '@/components/actions/use-action';
import type { ActionResult } from '@/lib/actions/result';
import { fieldErrorsOf } from '@/lib/forms/issues';
import { useDraft } from '@/lib/forms/use-draft';
import { useT } from '@/lib/i18n/client';

/**
 * One form: a draft kept across a lost session, the shared zod schema checked before sending,
 * server field errors shown on the same fields, and one form-level error. The schema may arrive
 * after the form (useLazyModule): until it does, `parsed` is undefined and a submit waits for it;
 * `schemaFailed` says it could not be fetched.
 */
export function useActionForm<D, S extends z.ZodType, O>(opts: {
  draftKey: string;
  initial: D;
  schema: S | undefined;
  schemaFailed?: boolean;
  submit: (value: D) => Promise<ActionResult<O>>;
  onSuccess: (data: O) => void | Promise<void>;
}) {
  const t = useT();
  const [draft, setDraft, clearDraft] = useDraft<D>(opts.draftKey, opts.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const parsed = useMemo(() => opts.schema?.safeParse(draft), [opts.schema, draft]);
  const queued = useRef(false);
  const { run, pending } = useAction(opts.submit, {
    onSuccess: async (data) => {
      clearDraft();
      await opts.onSuccess(data);
    },
    onError: (e) => {
      setErrors(e.fields ?? {});
      setFormError(e.message);
    },
  });

  /** Shows the schema's problems on their fields; true when there are none. */
  const validate = (): boolean => {
    if (!parsed) return false;
    if (parsed.success) return true;
    const fields = fieldErrorsOf(parsed.error);
    setErrors(Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, t(m)])));
    return false;
  };

  const send = () => {
    if (pending || !validate()) return;
    setErrors({});
    setFormError(undefined);
    void run(draft);
  };
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (opts.schemaFailed) return setFormError(t('error.dashboardUnreachable'));
    // A click before the validator has arrived is sent once it has.
    if (!opts.schema) queued.current = true;
    else send();
  };
  useEffect(() => {
    if (!opts.schema || !queued.current) return;
    queued.current = false;
    send();
  });

  return { draft, setDraft, errors, formError, parsed, pending, validate, onSubmit };
}
