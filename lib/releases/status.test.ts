import { describe, expect, it } from 'vitest';

import { FORCE_AT, REQUESTED_AT, reconcilePatch, SUSPENDED_BY, suspendPatch } from './annotations';
import { countReleases, filterReleases, groupReleases, sortReleases } from './filter';
import { releaseState, sourceHealth, summarizeRelease } from './status';
import type { ReleaseObject } from './types';

const cond = (type: string, status: 'True' | 'False' | 'Unknown', reason = 'R', message = 'm') => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: '2026-01-01T00:00:00Z',
});

const hr = (
  name: string,
  conditions: ReturnType<typeof cond>[],
  over: Partial<ReleaseObject> = {},
): ReleaseObject => ({
  metadata: { name, namespace: 'cozy-x', ...over.metadata },
  spec: {
    chart: {
      spec: {
        chart: 'cilium',
        version: '1.18.4',
        sourceRef: { kind: 'HelmRepository', name: 'repo', namespace: 'cozy-public' },
      },
    },
    ...over.spec,
  },
  status: {
    conditions,
    lastAttemptedRevision: '1.18.5',
    history: [
      { version: 8, status: 'failed', chartName: 'cilium', chartVersion: '1.18.5' },
      { version: 7, status: 'superseded', chartName: 'cilium', chartVersion: '1.18.4' },
      { version: 6, status: 'deployed', chartName: 'cilium', chartVersion: '1.18.3' },
    ],
    ...over.status,
  },
});

describe('releaseState', () => {
  it('reads Ready, Reconciling and suspend the way flux get hr does', () => {
    expect(releaseState(hr('a', [cond('Ready', 'True')]))).toBe('ready');
    expect(releaseState(hr('a', [cond('Ready', 'False', 'UpgradeFailed')]))).toBe('failing');
    expect(releaseState(hr('a', [cond('Ready', 'Unknown', 'Progressing')]))).toBe('progressing');
    expect(releaseState(hr('a', [cond('Ready', 'True'), cond('Reconciling', 'True')]))).toBe(
      'progressing',
    );
    expect(releaseState(hr('a', []))).toBe('progressing');
    expect(releaseState(hr('a', [cond('Ready', 'False')], { spec: { suspend: true } }))).toBe(
      'suspended',
    );
  });

  it('does not call waiting for a dependency a failure', () => {
    expect(releaseState(hr('a', [cond('Ready', 'False', 'DependencyNotReady')]))).toBe(
      'progressing',
    );
  });
});

describe('summarizeRelease', () => {
  it('takes applied from the deployed history entry and attempted from status', () => {
    const s = summarizeRelease(hr('a', [cond('Ready', 'False', 'UpgradeFailed', 'boom')]));
    expect(s).toMatchObject({
      state: 'failing',
      message: 'boom',
      chart: 'cilium',
      version: '1.18.4',
      appliedRevision: '1.18.3',
      attemptedRevision: '1.18.5',
      source: { kind: 'HelmRepository', name: 'repo', namespace: 'cozy-public' },
    });
  });

  it('is pending while requestedAt differs from lastHandledReconcileAt', () => {
    const at = '2026-01-02T00:00:00Z';
    const req = { metadata: { name: 'a', namespace: 'x', annotations: { [REQUESTED_AT]: at } } };
    expect(summarizeRelease(hr('a', [cond('Ready', 'True')], req)).pending).toBe(true);
    const handled = { ...req, status: { lastHandledReconcileAt: at } };
    expect(summarizeRelease(hr('a', [cond('Ready', 'True')], handled)).pending).toBe(false);
  });

  it('names who suspended it, and groups tenant add-ons by tenant and cluster', () => {
    const s = summarizeRelease(
      hr('cilium', [cond('Ready', 'True')], {
        metadata: {
          name: 'cilium',
          namespace: 'tenant-acme',
          labels: { 'stratus.dev/cluster': 'prod' },
          annotations: { [SUSPENDED_BY]: 'oidc:oscar@ops.example' },
        },
        spec: { suspend: true },
      }),
    );
    expect(s).toMatchObject({
      suspendedBy: 'oidc:oscar@ops.example',
      tenant: 'acme',
      cluster: 'prod',
    });
  });
});

describe('filters, counts, order, groups', () => {
  const rows = [
    summarizeRelease(hr('b-ok', [cond('Ready', 'True')])),
    summarizeRelease(hr('a-ok', [cond('Ready', 'True')])),
    summarizeRelease(hr('z-bad', [cond('Ready', 'False', 'InstallFailed', 'chart not found')])),
    summarizeRelease(
      hr('addon', [cond('Ready', 'True')], {
        metadata: {
          name: 'addon',
          namespace: 'tenant-acme',
          labels: { 'stratus.dev/cluster': 'prod' },
        },
      }),
    ),
  ];

  it('counts each state and puts failures first', () => {
    expect(countReleases(rows)).toEqual({ failing: 1, progressing: 0, suspended: 0, ready: 3 });
    expect(sortReleases(rows).map((r) => r.name)).toEqual(['z-bad', 'a-ok', 'b-ok', 'addon']);
  });

  it('filters by namespace, state and text (message included)', () => {
    expect(filterReleases(rows, { state: 'failing' }).map((r) => r.name)).toEqual(['z-bad']);
    expect(filterReleases(rows, { namespace: 'tenant-acme' }).map((r) => r.name)).toEqual([
      'addon',
    ]);
    expect(filterReleases(rows, { text: 'NOT FOUND' }).map((r) => r.name)).toEqual(['z-bad']);
    expect(filterReleases(rows, { text: 'prod' }).map((r) => r.name)).toEqual(['addon']);
  });

  it('groups the platform first, then each tenant cluster', () => {
    expect(groupReleases(rows).map((g) => [g.key, g.rows.length])).toEqual([
      ['', 3],
      ['acme/prod', 1],
    ]);
  });
});

describe('sourceHealth', () => {
  const ref = { kind: 'HelmRepository', name: 'repo', namespace: 'cozy-public' };
  it('says missing, failing or ready, and accepts a static OCI repository without Ready', () => {
    expect(sourceHealth(ref, undefined).state).toBe('missing');
    expect(
      sourceHealth(ref, { status: { conditions: [cond('Ready', 'False', 'FetchFailed', '404')] } }),
    ).toMatchObject({
      state: 'failing',
      message: '404',
    });
    expect(sourceHealth(ref, { spec: { type: 'oci' }, status: {} }).state).toBe('ready');
    expect(sourceHealth(ref, { spec: {}, status: {} }).state).toBe('progressing');
  });
});

describe('patches', () => {
  it('sets forceAt to the same value as requestedAt, as flux reconcile --force does', () => {
    expect(reconcilePatch('t', true)).toEqual({
      metadata: { annotations: { [REQUESTED_AT]: 't', [FORCE_AT]: 't' } },
    });
    expect(reconcilePatch('t', false)).toEqual({
      metadata: { annotations: { [REQUESTED_AT]: 't' } },
    });
  });
  it('names the person on suspend and clears the name on resume', () => {
    expect(suspendPatch(true, 'me')).toEqual({
      metadata: { annotations: { [SUSPENDED_BY]: 'me' } },
      spec: { suspend: true },
    });
    expect(suspendPatch(false, 'me')).toEqual({
      metadata: { annotations: { [SUSPENDED_BY]: null } },
      spec: { suspend: false },
    });
  });
});
