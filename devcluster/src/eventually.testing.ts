// For integration tests of the local cluster: wait for a condition instead of sleeping.

/** Polls until `fn` returns something (not undefined/false), or fails with the last value seen. */
export async function eventually<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; last: ${last instanceof Error ? String(last) : JSON.stringify(last)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}
