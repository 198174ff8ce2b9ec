import { describe, expect, it } from 'vitest';

import type { DataVolumeObj, PvcObj } from '../kinds.ts';
import {
  claimFor,
  dataSourceStatus,
  decideDataVolume,
  DONE_PROGRESS,
  operationOf,
  progressSteps,
  storageDefaults,
} from './datavolume.ts';

const dv = (status?: DataVolumeObj['status'], spec: DataVolumeObj['spec'] = {}): DataVolumeObj => ({
  metadata: { name: 'root', namespace: 't', uid: 'dv1' },
  spec: {
    source: { registry: { url: 'docker://quay.io/containerdisks/ubuntu:24.04' } },
    storage: { resources: { requests: { storage: '20Gi' } }, storageClassName: 'replicated' },
    ...spec,
  },
  status,
});
const pvc = (phase: string): PvcObj => ({
  metadata: { name: 'root', namespace: 't' },
  spec: {},
  status: { phase },
});

/** Walk the step function as the controller would, with the claim binding once created. */
function walk(start: DataVolumeObj): string[] {
  let cur = start;
  let claim: PvcObj | undefined;
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    const step = decideDataVolume(cur, claim);
    if (!step) break;
    if (step.createClaim) claim = pvc('Bound');
    if (step.status) cur = { ...cur, status: step.status };
    seen.push(`${cur.status?.phase} ${cur.status?.progress}`);
  }
  return seen;
}

describe('decideDataVolume', () => {
  it('imports: claim, schedule, progress in steps, succeed', () => {
    const seen = walk(dv());
    expect(seen[0]).toBe('Pending N/A');
    expect(seen[1]).toBe('ImportScheduled N/A');
    expect(seen[2]).toBe('ImportInProgress 0.00%');
    // ubuntu:24.04 is a ~600 MiB download: six steps of 16.67%.
    expect(progressSteps(dv().spec)).toHaveLength(6);
    expect(seen).toContain('ImportInProgress 16.67%');
    expect(seen).toContain('ImportInProgress 83.33%');
    expect(seen.at(-1)).toBe(`Succeeded ${DONE_PROGRESS}`);
    // Progress never goes backwards.
    const values = seen
      .filter((s) => s.startsWith('ImportInProgress'))
      .map((s) => parseFloat(s.split(' ')[1] ?? ''));
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });

  it('waits while the claim is unbound', () => {
    expect(decideDataVolume(dv({ phase: 'Pending' }), pvc('Pending'))).toBeUndefined();
    expect(decideDataVolume(dv(), pvc('Pending'))?.status?.phase).toBe('Pending');
  });

  it('reports Ready only when done', () => {
    const done = decideDataVolume(
      dv({ phase: 'ImportInProgress', progress: progressSteps(dv().spec).at(-1) }),
      pvc('Bound'),
    );
    expect(done?.status?.phase).toBe('Succeeded');
    expect(done?.status?.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(decideDataVolume(dv({ phase: 'Succeeded' }), pvc('Bound'))).toBeUndefined();
  });

  it('clones, uploads and blanks take their own paths', () => {
    expect(operationOf({ source: { pvc: { namespace: 'a', name: 'b' } } })).toBe('Clone');
    expect(operationOf({ sourceRef: { kind: 'DataSource', name: 'ubuntu' } })).toBe('Clone');
    expect(walk(dv(undefined, { source: { upload: {} } })).at(-1)).toBe('UploadReady N/A');
    expect(progressSteps({ source: { blank: {} } })).toEqual(['0.00%']);
    expect(
      walk(dv(undefined, { source: { pvc: { namespace: 't', name: 'golden' } } })).at(-1),
    ).toBe(`Succeeded ${DONE_PROGRESS}`);
  });

  it('recreates a claim that went away', () => {
    expect(decideDataVolume(dv({ phase: 'Succeeded' }), undefined)?.createClaim).toBe(true);
  });
});

describe('claimFor', () => {
  it('is owned by the DataVolume and carries its storage request', () => {
    const c = claimFor(dv()) as unknown as {
      metadata: Record<string, unknown>;
      spec: Record<string, unknown>;
    };
    expect(c.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'DataVolume', uid: 'dv1', controller: true }),
    ]);
    expect(c.spec).toMatchObject({
      storageClassName: 'replicated',
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '20Gi' } },
    });
  });
});

describe('import failures', () => {
  /** Walks like walk() but collects the failing steps too. */
  function steps(start: DataVolumeObj, n: number) {
    let cur = start;
    let claim: PvcObj | undefined;
    const out: ReturnType<typeof decideDataVolume>[] = [];
    for (let i = 0; i < n; i++) {
      const step = decideDataVolume(cur, claim);
      if (!step) break;
      if (step.createClaim) claim = pvc('Bound');
      if (step.status) cur = { ...cur, status: step.status };
      out.push(step);
    }
    return { out, cur };
  }

  it('keeps retrying an unreachable HTTP source with the importer’s message', () => {
    const url = 'https://images.example.invalid/disk.qcow2';
    const { out, cur } = steps(dv(undefined, { source: { http: { url } } }), 8);
    expect(cur.status?.phase).toBe('ImportInProgress');
    expect(cur.status?.restartCount).toBeGreaterThanOrEqual(4);
    const running = cur.status?.conditions?.find((c) => c.type === 'Running');
    expect(running).toMatchObject({ status: 'False', reason: 'Error' });
    expect(running?.message).toBe(
      `Unable to connect to http data source: HTTP request errored: Get "${url}": dial tcp: lookup images.example.invalid on 10.96.0.10:53: no such host`,
    );
    expect(out.at(-1)?.claimEvent?.reason).toBe('ErrImportFailed');
    // The DV's own warning comes once, not on every restart.
    expect(out.filter((s) => s?.event?.reason === 'Error')).toHaveLength(1);
    // Back-off grows between restarts.
    const waits = out.filter((s) => s?.id.startsWith('import-failed')).map((s) => s?.after ?? 0);
    expect(waits.slice(1)).toEqual([...waits.slice(1)].sort((a, b) => a - b));
  });

  it('fails a DataVolume smaller than its image the way the importer does', () => {
    const small = dv(undefined, {
      source: { registry: { url: 'docker://quay.io/containerdisks/centos-stream:9' } },
      storage: { resources: { requests: { storage: '5Gi' } } },
    });
    const { out, cur } = steps(small, 5);
    expect(cur.status?.conditions?.find((c) => c.type === 'Running')).toMatchObject({
      reason: 'Error',
      message: 'DataVolume too small to contain image',
    });
    expect(out.find((s) => s?.claimEvent)?.claimEvent?.message).toBe(
      `Unable to process data: Unable to convert source data to target format: virtual image size ${10 * 2 ** 30} is larger than the reported available storage ${5 * 2 ** 30}. A larger PVC is required`,
    );
    // Big enough: imports.
    expect(walk(dv()).at(-1)).toBe(`Succeeded ${DONE_PROGRESS}`);
  });
});

describe('storageDefaults', () => {
  it('fills access and volume mode from the LINSTOR profile', () => {
    expect(storageDefaults({ storage: {} }, 'linstor.csi.linbit.com')).toEqual({
      accessModes: ['ReadWriteMany'],
      volumeMode: 'Block',
    });
    expect(
      storageDefaults({ storage: { volumeMode: 'Filesystem' } }, 'linstor.csi.linbit.com'),
    ).toEqual({ accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' });
    expect(
      storageDefaults({ storage: { accessModes: ['ReadWriteOnce'] } }, 'linstor.csi.linbit.com'),
    ).toBeUndefined();
    expect(storageDefaults({ pvc: {} }, 'linstor.csi.linbit.com')).toBeUndefined();
  });
});

describe('dataSourceStatus', () => {
  const ds = {
    metadata: { name: 'ubuntu', namespace: 'stratus-images' },
    spec: { source: { pvc: { namespace: 'stratus-images', name: 'ubuntu' } } },
  };
  it('is Ready once the source is imported, with CDI’s reasons before that', () => {
    expect(dataSourceStatus(ds, undefined, undefined).conditions[0]).toMatchObject({
      status: 'False',
      reason: 'NotFound',
      message: 'PVC not found',
    });
    expect(
      dataSourceStatus(ds, undefined, dv({ phase: 'ImportInProgress' })).conditions[0],
    ).toMatchObject({
      reason: 'ImportInProgress',
      message: 'Import DataVolume phase ImportInProgress',
    });
    expect(dataSourceStatus(ds, pvc('Bound'), dv({ phase: 'Succeeded' }))).toEqual({
      source: { pvc: { namespace: 'stratus-images', name: 'ubuntu' } },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Ready',
          message: 'DataSource is ready to be consumed',
        },
      ],
    });
  });
});
