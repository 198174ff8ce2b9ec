// Plays helm-controller: answers reconcile requests and spec changes for the seeded platform
// releases, and installs releases that target tenant clusters (remote.ts).
import { keyOf, pathOfObj, R } from '../kube/types.ts';
import type { HelmReleaseObj } from '../kinds.ts';
import { nowIso } from '../conditions.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import { handledOnly, handleRequest, needsGenerationSync, pendingRequest } from './helmrelease.ts';
import { isRemote, remoteStatus, remoteVerdict, verdictShown } from './remote.ts';

const COMPONENT = 'helm-controller';

const after = { reconcile: 1.5, generation: 1, waiting: 0.3, install: 2 };

export function startFlux(w: World): void {
  const { helmReleases, helmRepositories, kubeconfigSecrets } = w.inf;
  if (!helmReleases.available) return;
  const world = {
    release: (ns: string, name: string) => helmReleases.get(ns, name),
    repository: (ns: string, name: string) => helmRepositories.get(ns, name),
    secretExists: (ns: string, name: string) => !!kubeconfigSecrets.get(ns, name),
  };

  /** A remote release: the next Ready verdict, written after a delay (installs take a while). */
  function remotePlan(hr: HelmReleaseObj): Plan[] {
    if (hr.spec.suspend || hr.metadata.deletionTimestamp) return [];
    const v = remoteVerdict(hr, world);
    if (verdictShown(hr, v)) return [];
    return [
      {
        id: `remote:${hr.metadata.uid}:${v.reason}:${v.message}`,
        after: v.ready === 'True' ? after.install : after.waiting,
        run: async () => {
          await w.rest.mergePatch(pathOfObj(R.helmRelease, hr, 'status'), {
            status: remoteStatus(hr, v, nowIso()),
          });
          w.events.record(R.helmRelease, hr, {
            // Waiting on a dependency is normal; helm-controller records it as such.
            type: v.ready === 'True' || v.reason === 'DependencyNotReady' ? 'Normal' : 'Warning',
            reason: v.reason,
            message: v.message,
            component: COMPONENT,
          });
        },
      },
    ];
  }

  const r = runner(w, 'helmreleases', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const hr = helmReleases.get(ns, name);
    if (!hr) return [];
    if (isRemote(hr)) {
      // A reconcile request on a tenant add-on is handled like any other: helm-controller records
      // it, then the release's verdict follows from its cluster and source as before.
      const req = pendingRequest(hr);
      if (!req) return remotePlan(hr);
      return [
        {
          id: `reconcile:${hr.metadata.uid}:${req}`,
          after: after.reconcile,
          run: () =>
            w.rest
              .mergePatch(pathOfObj(R.helmRelease, hr, 'status'), {
                status: handledOnly(hr, req),
              })
              .then(() => {}),
        },
      ];
    }
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
  // A release's verdict depends on its dependencies, its source and its cluster's kubeconfig.
  const all = () =>
    helmReleases
      .list()
      .filter(isRemote)
      .forEach((hr) => r.enqueue(keyOf(hr)));
  helmReleases.on((hr) => {
    r.enqueue(keyOf(hr));
    for (const other of helmReleases.list(hr.metadata.namespace))
      if (other.spec.dependsOn?.some((d) => d.name === hr.metadata.name)) r.enqueue(keyOf(other));
  });
  if (helmRepositories.available) helmRepositories.on(all);
  kubeconfigSecrets.on((s) => {
    for (const hr of helmReleases.list(s.metadata.namespace))
      if (hr.spec.kubeConfig?.secretRef?.name === s.metadata.name) r.enqueue(keyOf(hr));
  });
}
