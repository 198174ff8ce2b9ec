// CDI's DataVolume lifecycle as a pure step function: Pending (claim created, waiting to bind) →
// <Import|Clone|Upload>Scheduled → …InProgress with rising progress → Succeeded.
import type { DataVolumeObj, DataVolumeSpec, DvCondition, PvcObj } from '../kinds.ts';
import type { KObj } from '../kube/types.ts';
import { parseQuantity } from '../quantity.ts';
import { catalogImage, importFailure, type ImportFailure } from './images.ts';

export type Operation = 'Import' | 'Clone' | 'Upload';

export function operationOf(spec: DataVolumeSpec): Operation {
  const s = spec.source;
  if (s?.upload) return 'Upload';
  if (s?.pvc || s?.snapshot || spec.sourceRef) return 'Clone';
  return 'Import';
}

const isBlank = (spec: DataVolumeSpec) => !!spec.source?.blank;

/** Progress values an in-progress transfer shows, in order; CDI prints "%.2f%%", then "100.0%". */
export function progressSteps(spec: DataVolumeSpec): string[] {
  // A known image takes about one step per 100 MiB downloaded (4 to 12 steps).
  const size = catalogImage(spec.source?.http?.url ?? spec.source?.registry?.url)?.downloadSize;
  const n = isBlank(spec)
    ? 1
    : size
      ? Math.min(12, Math.max(4, Math.round(size / 2 ** 20 / 100)))
      : 8;
  return Array.from({ length: n }, (_, i) => `${((100 * i) / n).toFixed(2)}%`);
}

export const DONE_PROGRESS = '100.0%';

export interface DvStatus {
  phase: string;
  progress: string;
  claimName: string;
  restartCount: number;
  conditions: DvCondition[];
}

export interface DvStep {
  id: string;
  after: number;
  status?: DvStatus;
  createClaim?: boolean;
  event?: { reason: string; message: string; type?: 'Normal' | 'Warning' };
  /** An event on the claim (the import controller reports importer failures there). */
  claimEvent?: { reason: string; message: string; type?: 'Normal' | 'Warning' };
}

const cond = (type: string, status: string, reason: string, message: string): DvCondition => ({
  type,
  status,
  reason,
  message,
});

function statusOf(
  dv: DataVolumeObj,
  phase: string,
  progress: string,
  bound: boolean,
  running: 'no' | 'yes' | 'done' | ImportFailure,
  restartCount = dv.status?.restartCount ?? 0,
): DvStatus {
  const name = dv.metadata.name;
  return {
    phase,
    progress,
    claimName: name,
    restartCount,
    conditions: [
      bound
        ? cond('Bound', 'True', 'Bound', `PVC ${name} Bound`)
        : cond('Bound', 'False', 'Pending', `PVC ${name} Pending`),
      typeof running === 'object'
        ? // The importer container terminated with the kubelet's reason "Error".
          cond('Running', 'False', 'Error', running.conditionMessage)
        : running === 'yes'
          ? cond('Running', 'True', 'PodRunning', 'Pod is running')
          : running === 'done'
            ? cond('Running', 'False', 'Completed', '')
            : cond('Running', 'False', phase.endsWith('Scheduled') ? 'Scheduled' : 'Pending', ''),
      running === 'done'
        ? cond('Ready', 'True', 'Ready', '')
        : cond('Ready', 'False', 'TransferRunning', ''),
    ],
  };
}

// Base delays in seconds (scaled by --speed).
export const delays = {
  claim: 0.3,
  bound: 0.2,
  schedule: 0.8,
  start: 1,
  progress: 1.2,
  finish: 0.8,
} as const;

/** The importer pod's restart back-off (kubelet: 10 s doubling to 5 min). */
export const restartBackoff = (restarts: number): number => Math.min(10 * 2 ** restarts, 300);

/** Bytes the importer finds on the claim: what was asked for (CDI adds filesystem overhead). */
export function availableBytes(dv: DataVolumeObj): number {
  const base = dv.spec.pvc ?? dv.spec.storage ?? {};
  return parseQuantity(base.resources?.requests?.storage) ?? 0;
}

export function decideDataVolume(dv: DataVolumeObj, pvc: PvcObj | undefined): DvStep | undefined {
  if (dv.metadata.deletionTimestamp) return undefined;
  const name = dv.metadata.name;
  const phase = dv.status?.phase ?? '';
  const op = operationOf(dv.spec);
  const uid = dv.metadata.uid ?? '';

  // cdi.kubevirt.io/storage.prePopulated: someone else (a restore) fills the claim; CDI only
  // adopts it and reports it done.
  if (dv.metadata.annotations?.['cdi.kubevirt.io/storage.prePopulated']) {
    if (!pvc || pvc.status?.phase !== 'Bound' || phase === 'Succeeded') return undefined;
    return {
      id: `prepopulated:${uid}`,
      after: delays.bound,
      status: statusOf(dv, 'Succeeded', DONE_PROGRESS, true, 'done'),
    };
  }
  if (!pvc || pvc.metadata.deletionTimestamp) {
    if (pvc) return undefined; // wait for the old claim to go
    return {
      id: `claim:${uid}:${phase}`,
      after: delays.claim,
      createClaim: true,
      status: statusOf(dv, 'Pending', 'N/A', false, 'no'),
      event: { reason: 'Pending', message: `PVC ${name} Pending` },
    };
  }
  const bound = pvc.status?.phase === 'Bound';
  if (!bound) {
    if (phase === 'Pending') return undefined;
    return {
      id: `pending:${uid}`,
      after: delays.bound,
      status: statusOf(dv, 'Pending', 'N/A', false, 'no'),
    };
  }
  if (phase === '' || phase === 'Pending') {
    return {
      id: `scheduled:${uid}`,
      after: delays.schedule,
      status: statusOf(dv, `${op}Scheduled`, 'N/A', true, 'no'),
      event: { reason: 'Bound', message: `PVC ${name} Bound` },
    };
  }
  if (phase === `${op}Scheduled`) {
    if (op === 'Upload') {
      return {
        id: `upload-ready:${uid}`,
        after: delays.start,
        status: statusOf(dv, 'UploadReady', 'N/A', true, 'yes'),
        event: { reason: 'UploadReady', message: `Upload into ${name} ready` },
      };
    }
    const failure = op === 'Import' ? importFailure(dv.spec, availableBytes(dv)) : undefined;
    if (failure) return failed(dv, failure, 0, delays.start);
    const first = progressSteps(dv.spec)[0] ?? '0.00%';
    return {
      id: `in-progress:${uid}`,
      after: delays.start,
      status: statusOf(dv, `${op}InProgress`, first, true, 'yes'),
      event: { reason: `${op}InProgress`, message: `${op} into ${name} in progress` },
    };
  }
  if (phase === `${op}InProgress`) {
    const failure = op === 'Import' ? importFailure(dv.spec, availableBytes(dv)) : undefined;
    if (failure) {
      // CDI never gives up on an import: the pod restarts with back-off, the count grows.
      const restarts = dv.status?.restartCount ?? 0;
      const shown = dv.status?.conditions?.find((c) => c.type === 'Running');
      const failing = shown?.reason === 'Error';
      return failed(
        dv,
        failure,
        failing ? restarts + 1 : restarts,
        failing ? restartBackoff(restarts) : delays.start,
      );
    }
    const steps = progressSteps(dv.spec);
    const at = steps.indexOf(dv.status?.progress ?? '');
    const next = at >= 0 ? steps[at + 1] : steps[0];
    if (next) {
      return {
        id: `progress:${uid}:${next}`,
        after: delays.progress,
        status: statusOf(dv, phase, next, true, 'yes'),
      };
    }
    return {
      id: `succeeded:${uid}`,
      after: delays.finish,
      status: statusOf(dv, 'Succeeded', DONE_PROGRESS, true, 'done'),
      event: {
        reason: `${op}Succeeded`,
        message:
          op === 'Clone'
            ? `Successfully cloned into ${name}`
            : `Successfully imported into PVC ${name}`,
      },
    };
  }
  return undefined;
}

function failed(dv: DataVolumeObj, f: ImportFailure, restarts: number, after: number): DvStep {
  const first = dv.status?.conditions?.find((c) => c.type === 'Running')?.reason !== 'Error';
  return {
    id: `import-failed:${dv.metadata.uid ?? ''}:${restarts}`,
    after,
    status: statusOf(dv, 'ImportInProgress', dv.status?.progress ?? 'N/A', true, f, restarts),
    claimEvent: { type: 'Warning', reason: 'ErrImportFailed', message: f.terminationMessage },
    // emitFailureConditionEvent: once per new Running message.
    ...(first
      ? { event: { type: 'Warning' as const, reason: 'Error', message: f.conditionMessage } }
      : {}),
  };
}

function endpointOf(spec: DataVolumeSpec): { source: string; endpoint?: string } {
  const s = spec.source ?? {};
  if (s.http) return { source: 'http', endpoint: s.http.url };
  if (s.registry) return { source: 'registry', endpoint: s.registry.url };
  if (s.s3) return { source: 's3', endpoint: s.s3.url };
  if (s.gcs) return { source: 'gcs', endpoint: s.gcs.url };
  if (s.blank) return { source: 'none' };
  if (s.upload) return { source: 'upload' };
  return { source: 'clone' };
}

export interface ClaimProperties {
  accessModes: string[];
  volumeMode: string;
}

// pkg/storagecapabilities: linstor.csi.linbit.com is createAllButRWXFileCapabilities, in order.
const linstorProperties: ClaimProperties[] = [
  { accessModes: ['ReadWriteMany'], volumeMode: 'Block' },
  { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' },
  { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
];

/**
 * What the StorageProfile fills in for `spec.storage` when access modes are left out: the
 * first claim property set (matching the volume mode, if one is given). `spec.pvc` is taken as is.
 */
export function storageDefaults(
  spec: DataVolumeSpec,
  provisioner: string | undefined,
): ClaimProperties | undefined {
  const s = spec.storage;
  if (!s || s.accessModes?.length || provisioner !== 'linstor.csi.linbit.com') return undefined;
  return linstorProperties.find((p) => !s.volumeMode || p.volumeMode === s.volumeMode);
}

/** The claim CDI creates for a DataVolume: same name, owned by it. */
export function claimFor(dv: DataVolumeObj, defaults?: ClaimProperties): KObj {
  const given = dv.spec.pvc ?? dv.spec.storage ?? {};
  const base = defaults ? { ...given, ...defaults } : given;
  const { source, endpoint } = endpointOf(dv.spec);
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: dv.metadata.name,
      namespace: dv.metadata.namespace,
      labels: {
        app: 'containerized-data-importer',
        'app.kubernetes.io/component': 'storage',
        'app.kubernetes.io/managed-by': 'cdi-controller',
        ...(dv.metadata.labels ?? {}),
      },
      annotations: {
        'cdi.kubevirt.io/createdForDataVolume': dv.metadata.uid ?? '',
        'cdi.kubevirt.io/storage.contentType': dv.spec.contentType ?? 'kubevirt',
        'cdi.kubevirt.io/storage.import.source': source,
        ...(endpoint ? { 'cdi.kubevirt.io/storage.import.endpoint': endpoint } : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'cdi.kubevirt.io/v1beta1',
          kind: 'DataVolume',
          name: dv.metadata.name,
          uid: dv.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      accessModes: base.accessModes?.length ? base.accessModes : ['ReadWriteOnce'],
      volumeMode: base.volumeMode ?? 'Filesystem',
      resources: { requests: { storage: base.resources?.requests?.storage ?? '10Gi' } },
      ...(base.storageClassName ? { storageClassName: base.storageClassName } : {}),
    },
  };
}

export interface DataSourceLike extends KObj {
  spec: { source?: { pvc?: { namespace?: string; name: string } } };
  status?: { conditions?: DvCondition[]; source?: unknown };
}

/** CDI's datasource-controller for a PVC source (handlePvcSource in datasource-controller.go). */
export function dataSourceStatus(
  ds: DataSourceLike,
  pvc: PvcObj | undefined,
  dv: DataVolumeObj | undefined,
): { source: unknown; conditions: DvCondition[] } {
  const src = ds.spec.source?.pvc;
  const ready = (status: string, reason: string, message: string) => [
    cond('Ready', status, reason, message),
  ];
  if (!src) return { source: {}, conditions: ready('False', 'NoSource', 'No source PVC set') };
  const source = { pvc: { namespace: src.namespace ?? ds.metadata.namespace, name: src.name } };
  if (dv && dv.status?.phase !== 'Succeeded')
    return {
      source,
      conditions: ready(
        'False',
        dv.status?.phase ?? '',
        `Import DataVolume phase ${dv.status?.phase ?? ''}`,
      ),
    };
  if (!dv && !pvc) return { source, conditions: ready('False', 'NotFound', 'PVC not found') };
  return { source, conditions: ready('True', 'Ready', 'DataSource is ready to be consumed') };
}
