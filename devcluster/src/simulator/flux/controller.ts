// Plays helm-controller for the seeded HelmReleases: answers reconcile requests and spec changes.
import { keyOf, pathOfObj, R } from '../kube/types.ts';
import { nowIso } from '../conditions.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import { handleRequest, needsGenerationSync, pendingRequest } from './helmrelease.ts';

const COMPONENT = 'helm-controller';
const after = { reconcile: 1.5, generation: 1 };

export function startFlux(w: World): void {
  const { helmReleases } = w.inf;
  if (!helmReleases.available) return;
  const r = runner(w, 'helmreleases', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const hr = helmReleases.get(ns, name);
    if (!hr) return [];
    const at = pendingRequest(hr);
    if (at) {
      return [
        {
          id: `reconcile:${hr.metadata.uid}:${at}`,
          after: after.reconcile,
          run: async () => {
            const res = handleRequest(hr, at, nowIso());
            await w.rest.mergePatch(pathOfObj(R.helmRelease, hr, 'status'), { status: res.status });
            if (res.event)
              w.events.record(R.helmRelease, hr, { ...res.event, component: COMPONENT });
          },
        },
      ];
    }
    if (needsGenerationSync(hr)) {
      return [
        {
          id: `generation:${hr.metadata.uid}:${hr.metadata.generation}`,
          after: after.generation,
          run: () =>
            w.rest
              .mergePatch(pathOfObj(R.helmRelease, hr, 'status'), {
                status: {
                  observedGeneration: hr.metadata.generation,
                  lastAttemptedGeneration: hr.metadata.generation,
                },
              })
              .then(() => {}),
        },
      ];
    }
    return [];
  });
  helmReleases.on((hr) => r.enqueue(keyOf(hr)));
}
