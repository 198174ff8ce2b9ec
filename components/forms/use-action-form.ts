'use client';

import { useMemo, useState } from 'react';
import type { z } from 'zod';

import { useAction } from '@/components/actions/use-action';
import type { ActionResult } from '@/lib/actions/result';
import { fieldErrorsOf } from '@/lib/forms/issues';
import { useDraft } from '@/lib/forms/use-draft';
import { useT } from '@/lib/i18n/client';

/**
 * One form: a draft kept across a lost session, the shared zod schema checked before sending,
 * server field errors shown on the same fields, and one form-level error.
 */
export function useActionForm<D, S extends z.ZodType, O>(opts: {
  draftKey: string;
  initial: D;
  schema: S;
  submit: (value: D) => Promise<ActionResult<O>>;
  onSuccess: (data: O) => void | Promise<void>;
}) {
  const t = useT();
  const [draft, setDraft, clearDraft] = useDraft<D>(opts.draftKey, opts.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const parsed = useMemo(() => opts.schema.safeParse(draft), [opts.schema, draft]);
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
    if (parsed.success) return true;
    const fields = fieldErrorsOf(parsed.error);
    setErrors(Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, t(m)])));
    return false;
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending || !validate()) return;
    setErrors({});
    setFormError(undefined);
    void run(draft);
  };

  return { draft, setDraft, errors, formError, parsed, pending, validate, onSubmit };
}
