// What VM lists need of each object, and nothing more: a list of thousands of VMs sends these
// projections instead of whole objects (a VM is ~3 KB; its row ~0.5 KB). Pure.
import type { KubeObject } from '../k8s/types';
import type { DataVolumeObject, MigrationObject, VmiObject, VmObject } from './types';

const meta = (o: KubeObject) => ({
  name: o.metadata?.name,
  namespace: o.metadata?.namespace,
  uid: o.metadata?.uid,
  resourceVersion: o.metadata?.resourceVersion,
  creationTimestamp: o.metadata?.creationTimestamp,
  ...(o.metadata?.deletionTimestamp ? { deletionTimestamp: o.metadata.deletionTimestamp } : {}),
});

const rowConditions = new Set(['Paused', 'LiveMigratable', 'PodScheduled', 'Running', 'Ready']);

// Each takes what the API server sent for its model (the registry pairs them), hence the casts.
export function vmRow(o: KubeObject): VmObject {
  const vm = o as VmObject;
  const spec = vm.spec;
  const domain = spec?.template?.spec?.domain;
  return {
    metadata: meta(vm),
    spec: {
      runStrategy: spec?.runStrategy,
      ...(spec?.instancetype ? { instancetype: { name: spec.instancetype.name } } : {}),
      ...(spec?.preference ? { preference: { name: spec.preference.name } } : {}),
      template: {
        spec: {
          domain: {
            ...(domain?.cpu ? { cpu: domain.cpu } : {}),
            ...(domain?.memory ? { memory: domain.memory } : {}),
            devices: {},
          },
          volumes: (spec?.template?.spec?.volumes ?? [])
            .filter((v) => v.dataVolume)
            .map((v) => ({ name: v.name, dataVolume: v.dataVolume })),
        },
      },
    },
    status: {
      printableStatus: vm.status?.printableStatus,
      ...(vm.status?.ready !== undefined ? { ready: vm.status.ready } : {}),
    },
  };
}

export function vmiRow(o: KubeObject): VmiObject {
  const vmi = o as VmiObject;
  const s = vmi.status;
  return {
    metadata: meta(vmi),
    status: {
      phase: s?.phase,
      nodeName: s?.nodeName,
      interfaces: (s?.interfaces ?? []).map((i) => ({
        name: i.name,
        ipAddress: i.ipAddress,
        ipAddresses: i.ipAddresses,
      })),
      conditions: (s?.conditions ?? [])
        .filter((c) => rowConditions.has(c.type))
        .map((c) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message })),
    },
  };
}

export function dataVolumeRow(o: KubeObject): DataVolumeObject {
  const dv = o as DataVolumeObject;
  const s = dv.status;
  return {
    metadata: meta(dv),
    status: {
      phase: s?.phase,
      progress: s?.progress,
      restartCount: s?.restartCount,
      conditions: (s?.conditions ?? [])
        .filter((c) => c.type === 'Running')
        .map((c) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message })),
    },
  };
}

export function migrationRow(o: KubeObject): MigrationObject {
  const m = o as MigrationObject;
  const st = m.status?.migrationState;
  return {
    metadata: meta(m),
    spec: { vmiName: m.spec?.vmiName },
    status: {
      phase: m.status?.phase,
      ...(st ? { migrationState: { sourceNode: st.sourceNode, targetNode: st.targetNode } } : {}),
    },
  };
}
