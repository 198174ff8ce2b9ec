// Every server action is in the registry, so the isolation and fuzzing suites cannot miss one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { actionModules, actionRegistry } from './registry';

const root = path.resolve(import.meta.dirname, '../..');

function serverActionFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['lib', 'app', 'components']) {
    for (const f of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(f) || /\.(i?test)\.tsx?$/.test(f)) continue;
      const text = readFileSync(path.join(root, dir, f), 'utf8');
      if (/^\s*['"]use server['"]/.test(text)) out.push(path.join(dir, f));
    }
  }
  return out.sort();
}

describe('action registry', () => {
  it("holds every 'use server' module", () => {
    expect(serverActionFiles()).toEqual(Object.keys(actionModules).sort());
  });

  it('names every action after its export, once, with what it needs', () => {
    const exported = Object.values(actionModules).flatMap((mod) =>
      Object.entries(mod).map(([name, a]) => [name, a.info.name]),
    );
    for (const [name, info] of exported) expect(info).toBe(name);
    const names = actionRegistry.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const a of actionRegistry) expect(a.needs.length, a.name).toBeGreaterThan(0);
  });
});
