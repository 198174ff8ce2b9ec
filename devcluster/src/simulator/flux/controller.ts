// Plays helm-controller: answers reconcile requests and spec changes for the seeded platform
// releases, and installs releases that target tenant clusters (remote.ts).
import { createHash } from 'node:crypto';

import { keyOf, pathOfObj, R } from '../kube/types.ts';
import type { HelmReleaseObj } from '../kinds.ts';
import { nowIso, setConditions } from '../conditions.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import { handleRequest, needsGenerationSync, pendingRequest } from './helmrelease.ts';
import { isRemote, remoteVerdict, verdictShown } from './remote.ts';

const COMPONENT = 'helm-controller';

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

/** status.history[0] as helm-controller records a first install (the CRD requires the digests). */
function historyEntry(
  hr: HelmReleaseObj,
  chart: { chartName: string; chartVersion: string },
  now: string,
) {
  const name = hr.spec.releaseName ?? hr.metadata.name;
  const namespace = hr.spec.targetNamespace ?? hr.metadata.namespace ?? '';
  return {
    ...chart,
    name,
    namespace,
    version: 1,
    status: 'deployed',
    firstDeployed: now,
    lastDeployed: now,
    appVersion: chart.chartVersion,
    configDigest: sha(`config:${hr.metadata.uid ?? ''}`),
    digest: sha(`release:${namespace}/${name}:1`),
  };
}
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
          const now = nowIso();
          const gen = hr.metadata.generation;
          const ready = {
            type: 'Ready',
            status: v.ready,
            reason: v.reason,
            message: v.message,
            observedGeneration: gen,
          };
          await w.rest.mergePatch(pathOfObj(R.helmRelease, hr, 'status'), {
            status: {
              observedGeneration: gen,
              lastAttemptedGeneration: gen,
              conditions: setConditions(
                hr.status?.conditions,
                v.installed
                  ? [ready, { ...ready, type: 'Released' }]
                  : [
                      ready,
                      {
                        type: 'Reconciling',
                        status: 'True',
                        reason: 'Progressing',
                        message: 'Fulfilling prerequisites',
                      },
                    ],
                now,
              ).filter((c) => v.ready !== 'True' || c.type !== 'Reconciling'),
              ...(v.installed
                ? {
                    lastAttemptedRevision: v.installed.chartVersion,
                    history: [historyEntry(hr, v.installed, now)],
                  }
                : {}),
            },
          });
          w.events.record(R.helmRelease, hr, {
            type:
              v.ready === 'True'
                ? 'Normal'
                : v.reason === 'DependencyNotReady'
                  ? 'Normal'
                  : 'Warning',
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
    if (isRemote(hr)) return remotePlan(hr);
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
