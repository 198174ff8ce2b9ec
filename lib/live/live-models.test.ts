import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { subscriptionSchema } from './schema';

// Every list a domain's pages keep live must be one the live routes accept: a model missing from
// liveModels makes the tab's whole subscription request fail, and nothing on the page stays live.
const lib = path.resolve(import.meta.dirname, '..');
const liveModules = readdirSync(lib)
  .map((d) => path.join(lib, d, 'live.ts'))
  .filter((f) => existsSync(f));

function subscriptionsIn(value: unknown, out: unknown[] = []): unknown[] {
  if (typeof value === 'function') {
    // List factories take a namespace and a name at most.
    subscriptionsIn((value as (...a: string[]) => unknown)('tenant-x', 'name-x'), out);
  } else if (value && typeof value === 'object') {
    if ('model' in value) out.push(value);
    else for (const v of Object.values(value)) subscriptionsIn(v, out);
  }
  return out;
}

describe('live lists of every domain', () => {
  it('are accepted by the live routes', async () => {
    expect(liveModules.length).toBeGreaterThan(5);
    const refused: string[] = [];
    for (const file of liveModules) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const sub of subscriptionsIn(mod))
        if (!subscriptionSchema.safeParse(sub).success)
          refused.push(`${path.relative(lib, file)}: ${JSON.stringify(sub)}`);
    }
    expect(refused).toEqual([]);
  });
});
