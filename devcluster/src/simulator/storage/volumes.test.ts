import { describe, expect, it } from 'vitest';

import type { PvcObj, PvObj, StorageClassObj } from '../kinds.ts';
import { decidePvc, LINSTOR, pvFor, shouldDeletePv } from './volumes.ts';

const sc: StorageClassObj = {
  metadata: { name: 'replicated' },
  provisioner: LINSTOR,
  allowVolumeExpansion: true,
};
const pvc = (over: Partial<PvcObj> = {}): PvcObj => ({
  metadata: { name: 'data', namespace: 'tenant-a', uid: 'u1', resourceVersion: '7' },
  spec: { storageClassName: 'replicated', resources: { requests: { storage: '10Gi' } } },
  ...over,
});
const pv = (storage: string, phase = 'Bound'): PvObj => ({
  metadata: { name: 'pvc-u1', annotations: { 'pv.kubernetes.io/provisioned-by': LINSTOR } },
  spec: { capacity: { storage }, persistentVolumeReclaimPolicy: 'Delete' },
  status: { phase },
});

describe('decidePvc', () => {
  it('provisions a PV pre-bound to the claim', () => {
    const d = decidePvc(pvc(), sc, undefined);
    expect(d.kind).toBe('provision');
    const made = pvFor(pvc(), sc) as unknown as {
      metadata: { name: string };
      spec: Record<string, unknown>;
    };
    expect(made.metadata.name).toBe('pvc-u1');
    expect(made.spec).toMatchObject({
      capacity: { storage: '10Gi' },
      claimRef: { name: 'data', namespace: 'tenant-a', uid: 'u1' },
      csi: { driver: LINSTOR, volumeHandle: 'pvc-u1', fsType: 'ext4' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'replicated',
      accessModes: ['ReadWriteOnce'],
    });
  });

  it('leaves other provisioners, deleting claims and already provisioned ones alone', () => {
    expect(decidePvc(pvc(), { ...sc, provisioner: 'other' }, undefined).kind).toBe('none');
    expect(decidePvc(pvc(), undefined, undefined).kind).toBe('none');
    expect(
      decidePvc(pvc({ metadata: { name: 'd', deletionTimestamp: 'x' } }), sc, undefined).kind,
    ).toBe('none');
    expect(decidePvc(pvc(), sc, pv('10Gi', 'Available')).kind).toBe('none');
  });

  it('expands a bound claim whose request grew', () => {
    const bound = pvc({
      spec: {
        storageClassName: 'replicated',
        volumeName: 'pvc-u1',
        resources: { requests: { storage: '20Gi' } },
      },
      status: { phase: 'Bound', capacity: { storage: '10Gi' } },
    });
    expect(decidePvc(bound, sc, pv('10Gi'))).toEqual({
      kind: 'resize',
      pvName: 'pvc-u1',
      size: '20Gi',
    });
    expect(decidePvc(bound, { ...sc, allowVolumeExpansion: false }, pv('10Gi')).kind).toBe('none');
    const done = { ...bound, status: { phase: 'Bound', capacity: { storage: '20Gi' } } };
    expect(decidePvc(done, sc, pv('20Gi')).kind).toBe('none');
  });
});

describe('shouldDeletePv', () => {
  it('deletes released linstor volumes with reclaimPolicy Delete', () => {
    expect(shouldDeletePv(pv('1Gi', 'Released'))).toBe(true);
    expect(shouldDeletePv(pv('1Gi', 'Bound'))).toBe(false);
    const retain = pv('1Gi', 'Released');
    retain.spec.persistentVolumeReclaimPolicy = 'Retain';
    expect(shouldDeletePv(retain)).toBe(false);
  });
});
