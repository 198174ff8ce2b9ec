import 'server-only';

// One JSON line per event on stderr, the shape log collectors parse without configuration. Raw
// errors (with API server bodies) are logged here and nowhere else.
export function logError(event: string, err: unknown, fields: Record<string, unknown> = {}): void {
  const detail =
    err instanceof Error
      ? { error: err.name, message: err.message, ...(hasBody(err) ? { body: err.body } : {}) }
      : { error: String(err) };
  process.stderr.write(
    `${JSON.stringify({ level: 'error', time: new Date().toISOString(), event, ...fields, ...detail })}\n`,
  );
}

function hasBody(err: Error): err is Error & { body: unknown } {
  return 'body' in err;
}
