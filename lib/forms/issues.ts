// Zod issues → message keys, for the browser (before sending) and the server (after parsing). Pure.
import type { z } from 'zod';

import { isKeyShaped, msg, type Msg } from '../i18n/messages';

/**
 * A schema message is a catalog key (that each is in the catalogs: lib/i18n/catalog.test.ts); bounds
 * come from the issue itself ({min}, {max}). Zod's own sentences are not keys.
 */
export function issueMessage(issue: z.core.$ZodIssue): Msg {
  const params: Record<string, number> = {};
  if ('minimum' in issue && typeof issue.minimum === 'number') params.min = issue.minimum;
  if ('maximum' in issue && typeof issue.maximum === 'number') params.max = issue.maximum;
  // Custom refinements pass their own figures (e.g. which line of a list is wrong).
  if (issue.code === 'custom')
    for (const [k, v] of Object.entries(issue.params ?? {}))
      if (typeof v === 'number') params[k] = v;
  return isKeyShaped(issue.message)
    ? msg(issue.message, params)
    : msg(issue.code === 'invalid_type' ? 'validation.required' : 'validation.invalid');
}

/**
 * Field path → first problem. With `under`, only issues inside that key count, and their paths are
 * relative to it (an action's input is { namespace, form }; the form knows only its own fields).
 */
export function fieldErrorsOf(err: z.ZodError, under?: string): Record<string, Msg> {
  const out: Record<string, Msg> = {};
  for (const issue of err.issues) {
    const path = issue.path.map(String);
    if (under !== undefined && path[0] !== under) continue;
    const key = (under !== undefined ? path.slice(1) : path).join('.');
    out[key] ??= issueMessage(issue);
  }
  return out;
}
