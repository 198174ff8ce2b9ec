// Property-based fuzzing of every server action's input schema, in process: whatever a browser could
// send (wrong types, oversized, unicode look-alikes, path tricks in names) is refused by the parse
// the action runs, with a message in English and in Russian, and never throws; names that look valid
// pass the same schema the forms use. Bounded runs under a fixed seed (FUZZ_SEED to vary it);
// fast-check prints the seed and the shrunk counterexample on failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { translator } from '../i18n/catalogs';
import { type Locale } from '../i18n/messages';
import { renderProblem } from '../k8s/errors';
import { actionNames, actionSamples } from '../testing/action-samples';
import { invalidInput, type ActionInfo } from './define-action';
import { actionRegistry } from './registry';

const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const runs = { seed, numRuns: 40 };

/** The keys whose string values are Kubernetes names (namespaces, objects, tenants). */
const nameKeys = new Set([
  'namespace',
  'name',
  'cluster',
  'machineDeployment',
  'migration',
  'snapshot',
  'volume',
  'addon',
  'tenant',
]);

type Path = (string | number)[];

function leaves(v: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [{ path, value: v }];
}

function setAt(v: unknown, path: Path, to: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return to;
  const copy: unknown = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
  const parent = copy as Record<string | number, unknown>;
  parent[head] = setAt(parent[head], rest, to);
  return copy;
}

const nameLeaves = (sample: unknown) =>
  leaves(sample).filter(
    (l) => typeof l.value === 'string' && nameKeys.has(String(l.path[l.path.length - 1])),
  );

/** Refused input renders a real sentence in both catalogs: no raw key, no unfilled placeholder. */
function expectSaid(info: ActionInfo, error: z.ZodError): void {
  const said = (['en', 'ru'] as Locale[]).map((l) =>
    renderProblem(invalidInput(error, info.form), translator(l)),
  );
  const [en, ru] = said;
  for (const e of said) {
    for (const text of [e.message, ...Object.values(e.fields ?? {})]) {
      expect(text.trim(), info.name).not.toBe('');
      expect(text, info.name).not.toMatch(/\{\w+\}|^[a-z]+(\.[A-Za-z]+)+$/);
    }
    expect(e.status).toBe(422);
  }
  expect(ru?.message, `${info.name}: the Russian message is English`).not.toBe(en?.message);
}

function refuses(info: ActionInfo, input: unknown): boolean {
  const r = info.input.safeParse(input);
  if (!r.success) expectSaid(info, r.error);
  return !r.success;
}

/** Names a person could paste, each invalid for Kubernetes. */
const hostileName = fc.oneof(
  fc.constantFrom(
    '',
    '.',
    '..',
    '../tenant-globex',
    'a/b',
    '%2e%2e',
    'web\u0000',
    'web\n',
    ' web',
    '-web',
    'web-',
    'Web',
    'ｗｅｂ',
    'wéb',
    'web\u200b',
    'a..b',
    '${name}',
    '*',
    'a'.repeat(254),
  ),
  fc.string({ minLength: 254, maxLength: 2000 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => /[^a-z0-9.-]/.test(s)),
  fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
);

const validLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/);

const infoOf = (name: string): ActionInfo => {
  const info = actionRegistry.find((a) => a.name === name);
  if (!info) throw new Error(`no action ${name}`);
  return info;
};

describe('action input fuzzing', () => {
  it('has a valid sample for every action, accepted by its schema', () => {
    expect(actionNames.slice().sort()).toEqual(actionRegistry.map((a) => a.name).sort());
    for (const name of actionNames) {
      const r = infoOf(name).input.safeParse(actionSamples[name]);
      expect(r.success, `${name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  describe.each(actionNames)('%s', (name) => {
    const info = infoOf(name);
    const sample: unknown = actionSamples[name];

    it('refuses anything that is not its input, with a message, and never throws', () => {
      const whole = fc.oneof(fc.anything(), fc.string(), fc.array(fc.anything()));
      fc.assert(
        fc.property(whole, (v) => {
          info.input.safeParse(v);
          if (v === null || typeof v !== 'object') expect(refuses(info, v)).toBe(true);
        }),
        runs,
      );
      // Any one field replaced by anything at all: parsed or refused with a message.
      const paths = leaves(sample).map((l) => l.path);
      if (!paths.length) return;
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.anything(), (path, v) => {
          refuses(info, setAt(sample, path, v));
        }),
        runs,
      );
    });

    const names = nameLeaves(sample);
    if (!names.length) return;

    it('refuses hostile names in every name field', () => {
      fc.assert(
        fc.property(fc.constantFrom(...names.map((l) => l.path)), hostileName, (path, v) => {
          expect(refuses(info, setAt(sample, path, v)), JSON.stringify({ path, v })).toBe(true);
        }),
        runs,
      );
    });

    it('accepts valid-looking names in every name field', () => {
      fc.assert(
        fc.property(
          fc.array(validLabel, { minLength: names.length, maxLength: names.length }),
          (vs) => {
            let input = sample;
            names.forEach((l, i) => (input = setAt(input, l.path, vs[i])));
            // A typed confirmation names the object it confirms.
            const confirmed = names.findIndex(
              (l) => (sample as Record<string, unknown>).confirm === l.value && l.path.length === 1,
            );
            if (confirmed >= 0) input = setAt(input, ['confirm'], vs[confirmed]);
            const r = info.input.safeParse(input);
            expect(r.success, `${JSON.stringify(input)}: ${JSON.stringify(r.error?.issues)}`).toBe(
              true,
            );
          },
        ),
        runs,
      );
    });
  });
});
