// Plays CDI's DataVolume controller: creates the claim, waits for it to bind, then "imports".
import { isStatus } from '../kube/rest.ts';
import { keyOf, pathOf, pathOfObj, R } from '../kube/types.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import { claimFor, dataSourceStatus, decideDataVolume, storageDefaults } from './datavolume.ts';
import { sameJson } from '../kubevirt/snapshot.ts';

const COMPONENT = 'cdi-controller';

export function startCdi(w: World): void {
  const { dataVolumes, pvcs, storageClasses } = w.inf;
  if (!dataVolumes.available) return;

  const r = runner(w, 'datavolumes', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const dv = dataVolumes.get(ns, name);
    if (!dv) return [];
    const step = decideDataVolume(dv, pvcs.get(ns, name));
    if (!step) return [];
    return [
      {
        id: step.id,
        after: step.after,
        run: async () => {
          if (step.createClaim) {
            try {
              const base = dv.spec.pvc ?? dv.spec.storage;
              const scName =
                base?.storageClassName ??
                storageClasses
                  .list()
                  .find(
                    (sc) =>
                      sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] ===
                      'true',
                  )?.metadata.name;
              const sc = scName ? storageClasses.get(undefined, scName) : undefined;
              await w.rest.create(
                pathOf(R.pvc, ns),
                claimFor(dv, storageDefaults(dv.spec, sc?.provisioner)),
              );
            } catch (err) {
              if (!isStatus(err, 409)) throw err;
            }
          }
          if (step.status) {
            const now = new Date().toISOString();
            const conditions = step.status.conditions.map((c) => {
              const old = dv.status?.conditions?.find((o) => o.type === c.type);
              const same = old?.status === c.status;
              return {
                ...c,
                lastHeartbeatTime: now,
                lastTransitionTime: same ? old.lastTransitionTime : now,
              };
            });
            await w.rest.mergePatch(pathOfObj(R.dataVolume, dv, 'status'), {
              status: { ...step.status, conditions },
            });
          }
          if (step.event)
            w.events.record(R.dataVolume, dv, { ...step.event, component: COMPONENT });
          const claim = pvcs.get(ns, name);
          if (step.claimEvent && claim)
            w.events.record(R.pvc, claim, { ...step.claimEvent, component: COMPONENT });
        },
      },
    ];
  });

  // DataSources (golden images): Ready once their PVC source is imported.
  const { dataSources } = w.inf;
  const dsRunner = runner(w, 'datasources', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const ds = dataSources.get(ns, name);
    if (!ds) return [];
    const src = ds.spec.source?.pvc;
    const srcNs = src?.namespace ?? ns;
    const want = dataSourceStatus(
      ds,
      src ? pvcs.get(srcNs, src.name) : undefined,
      src ? dataVolumes.get(srcNs, src.name) : undefined,
    );
    const strip = (l: unknown[] | undefined) =>
      (l ?? []).map((c) => {
        const {
          lastTransitionTime: _t,
          lastHeartbeatTime: _h,
          ...rest
        } = c as Record<string, unknown>;
        return rest;
      });
    if (
      sameJson(ds.status?.source ?? {}, want.source) &&
      sameJson(strip(ds.status?.conditions), strip(want.conditions))
    )
      return [];
    return [
      {
        id: `ds:${ds.metadata.uid ?? ''}:${want.conditions[0]?.reason ?? ''}`,
        after: 0.3,
        run: async () => {
          const now = new Date().toISOString();
          // CDI's DataSource CRD has no status subresource: status goes with the object.
          await w.rest.mergePatch(pathOfObj(R.dataSource, ds), {
            status: {
              source: want.source,
              conditions: want.conditions.map((c) => ({
                ...c,
                lastHeartbeatTime: now,
                lastTransitionTime: now,
              })),
            },
          });
        },
      },
    ];
  });
  if (dataSources.available) {
    dataSources.on((ds) => dsRunner.enqueue(keyOf(ds)));
    const bySource = (o: { metadata: { namespace?: string; name: string } }) => {
      for (const ds of dataSources.list())
        if (ds.spec.source?.pvc?.name === o.metadata.name) dsRunner.enqueue(keyOf(ds));
    };
    dataVolumes.on(bySource);
    pvcs.on(bySource);
  }

  dataVolumes.on((dv) => r.enqueue(keyOf(dv)));
  pvcs.on((pvc) => {
    if (dataVolumes.get(pvc.metadata.namespace, pvc.metadata.name)) r.enqueue(keyOf(pvc));
  });
}
