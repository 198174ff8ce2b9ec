// The isolation matrix (e2e/isolation/expected.ts) has a row for every server action in the
// registry and every route handler under app/api, so a new one cannot ship untested; a row watches
// at least the models its action needs, so a refusal that changed them would show.
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { actionRows, routeRows } from '../../e2e/isolation/expected';
import { actionRegistry } from './registry';

const api = path.resolve(import.meta.dirname, '../../app/api');

function routeFiles(): string[] {
  return readdirSync(api, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)route\.tsx?$/.test(f))
    .map((f) => path.dirname(f))
    .sort();
}

describe('isolation matrix table', () => {
  it('has a row for every action, watching what it needs', () => {
    expect(Object.keys(actionRows).sort()).toEqual(actionRegistry.map((a) => a.name).sort());
    for (const a of actionRegistry) {
      const row = actionRows[a.name as keyof typeof actionRows];
      for (const need of a.needs) expect(row.touches, a.name).toContain(need.model);
    }
  });

  it('has a row for every route handler', () => {
    expect(Object.keys(routeRows).sort()).toEqual(routeFiles());
  });
});
