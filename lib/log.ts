import 'server-only';

// One JSON line per event on stderr, the shape log collectors parse without configuration. Raw
// errors (with API server bodies) are logged here and nowhere else.
const expected = new Set([
  'forbidden',
  'notFound',
  'alreadyExists',
  'invalid',
  'unauthenticated',
  'quotaExceeded',
  'conflict',
]);

/** A failure: refusals people cause are `info`, everything an operator should look at `error`. */
export function logError(event: string, err: unknown, fields: Record<string, unknown> = {}): void {
  const level = typeof fields.code === 'string' && expected.has(fields.code) ? 'info' : 'error';
  const detail =
    err instanceof Error
      ? { error: err.name, message: err.message, ...(hasBody(err) ? { body: err.body } : {}) }
      : { error: String(err) };
  process.stderr.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), event, ...fields, ...detail })}\n`,
  );
}

function hasBody(err: Error): err is Error & { body: unknown } {
  return 'body' in err;
}

/** Something worth knowing that went right (start-up facts). */
export function logInfo(event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'info', time: new Date().toISOString(), event, ...fields })}\n`,
  );
}
