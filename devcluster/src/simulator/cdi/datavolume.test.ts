import { describe, expect, it } from 'vitest';

import type { DataVolumeObj, PvcObj } from '../kinds.ts';
import {
  claimFor,
  decideDataVolume,
  DONE_PROGRESS,
  operationOf,
  progressSteps,
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
    expect(seen).toContain('ImportInProgress 12.50%');
    expect(seen).toContain('ImportInProgress 87.50%');
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
      dv({ phase: 'ImportInProgress', progress: '87.50%' }),
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
