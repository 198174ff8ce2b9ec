// Hostile input over HTTP: route parameters and bodies as bob (no other suite counts his kubeconfig
// downloads against the per-person limit), and a sample of server actions as alice and oscar,
// fuzzed with fast-check under a fixed seed (FUZZ_SEED to vary it; fast-check prints the seed and the
// shrunk input on failure). Never a 5xx; a rejected action creates nothing on the cluster; every
// rejection is said in the person's language (the same input in English and in Russian gives two
// different, non-empty messages).
import fc from 'fast-check';

import { actionSamples, probeName, type ActionName } from '../lib/testing/action-samples';
import { expect, test } from './fixtures';
import { changes, clusterState, removeAdded } from './isolation/cluster-state';
import { builtActions, callAction, callRoute, personaCookies } from './isolation/http';

const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const runs = { seed, numRuns: 12, endOnFailure: true };
const inRussian = 'stratus-locale=ru';
const inEnglish = 'stratus-locale=en';

const hostileName = fc.oneof(
  fc.constantFrom('..', '../tenant-globex', 'a/b', '%2e%2e%2f', 'web\u0000', 'ｗｅｂ', '-', 'A'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ minLength: 300, maxLength: 5000 }),
);
const hostileValue = fc.oneof(
  hostileName,
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom('$1', '$@0', '$K', '__proto__', { __proto__: { admin: true } }),
);

/** A JSON problem body's message, or '' when there is none. */
function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : '';
  } catch {
    return '';
  }
}

test.describe('bad input over HTTP', () => {
  test('route parameters and bodies: no 5xx, rejections said in English and Russian', async () => {
    const { bob } = await personaCookies();
    const routes = fc.oneof(
      // fetch resolves "." and ".." segments before sending: those never reach the route.
      fc
        .tuple(hostileName, hostileName)
        .filter((segments) => segments.every((x) => x !== '.' && x !== '..'))
        .map(([t, c]) => ({
          method: 'GET',
          url: `/api/tenants/${encodeURIComponent(t)}/clusters/${encodeURIComponent(c)}/kubeconfig`,
        })),
      fc
        .record({ model: hostileValue, namespace: hostileValue, labelSelector: hostileValue })
        .map((q) => ({
          method: 'GET',
          url: `/api/k8s/list?${new URLSearchParams(
            Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
          ).toString()}`,
        })),
      fc
        .oneof(
          fc.record({ namespace: hostileValue, name: hostileValue, kind: hostileValue }),
          fc.anything({ maxDepth: 3 }),
          fc.string({ minLength: 5000, maxLength: 6000 }),
        )
        .map((body) => ({ method: 'POST', url: '/api/vms/console-ticket', body })),
      fc
        .oneof(
          fc.record({
            streamId: hostileValue,
            subscriptions: fc.array(hostileValue, { maxLength: 3 }),
          }),
          fc.anything({ maxDepth: 3 }),
        )
        .map((body) => ({ method: 'POST', url: '/api/live/subscriptions', body })),
    );
    await fc.assert(
      fc.asyncProperty(routes, async (r) => {
        const en = await callRoute(r, `${bob}; ${inEnglish}`);
        expect(en.status, `${r.method} ${r.url}: ${en.text.slice(0, 200)}`).toBeLessThan(500);
        if (en.status < 400) return;
        const ru = await callRoute(r, `${bob}; ${inRussian}`);
        expect(ru.status).toBe(en.status);
        expect(messageOf(en.text), `${r.url}: ${en.text.slice(0, 200)}`).not.toBe('');
        expect(messageOf(ru.text), `${r.url}: ${ru.text.slice(0, 200)}`).not.toBe(
          messageOf(en.text),
        );
      }),
      runs,
    );
  });

  const sampled: {
    name: ActionName;
    as: 'alice' | 'oscar';
    creates: Parameters<typeof clusterState>[1];
  }[] = [
    { name: 'createLoadBalancer', as: 'alice', creates: ['services'] },
    { name: 'createVolume', as: 'alice', creates: ['persistentvolumeclaims'] },
    { name: 'createVm', as: 'alice', creates: ['virtualmachines', 'datavolumes'] },
    { name: 'onboardTenant', as: 'oscar', creates: ['namespaces'] },
  ];

  for (const { name, as, creates } of sampled) {
    test(`server action ${name}: hostile fields are refused in the person's language, nothing created`, async ({
      admin,
    }) => {
      const action = builtActions().get(name);
      if (!action) throw new Error(`${name} is not in the build`);
      const cookie = (await personaCookies())[as];
      const sample = actionSamples[name] as Record<string, unknown>;
      const form = Object.keys(sample).find((k) => typeof sample[k] === 'object') ?? '';
      const fields = Object.keys(sample[form] as Record<string, unknown>);
      const state = () => clusterState(admin, creates, 'tenant-acme');
      const added = (before: Map<string, string>, after: Map<string, string>) =>
        changes(before, after).filter((k) => k.startsWith('+') && k.includes(probeName));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fields), hostileValue, async (field, v) => {
          const input = { ...sample, [form]: { ...(sample[form] as object), [field]: v } };
          const before = await state();
          const en = await callAction(action, input, `${cookie}; ${inEnglish}`);
          expect(en.status, en.text.slice(0, 300)).toBeLessThan(500);
          if (en.result?.ok !== false) {
            // Accepted (a field that takes free text): then it was a valid create; undo it.
            await removeAdded(admin, added(before, await state()));
            return;
          }
          const ru = await callAction(action, input, `${cookie}; ${inRussian}`);
          expect(ru.result?.ok).toBe(false);
          const said = (a: typeof en) => (a.result && !a.result.ok ? a.result.error.message : '');
          expect(said(en)).not.toBe('');
          expect(said(ru), `${field}=${JSON.stringify(v)}`).not.toBe(said(en));
          expect(added(before, await state()), `${name} refused, but created`).toEqual([]);
        }),
        runs,
      );
    });
  }
});
