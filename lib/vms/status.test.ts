import { describe, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { vmSummary } from './status';
import type { DataVolumeObject, MigrationObject, VmiObject, VmObject } from './types';

const vm = (status: string): VmObject => ({
  metadata: { name: 'web', namespace: 'tenant-acme' },
  spec: {
    runStrategy: 'Always',
    dataVolumeTemplates: [{ metadata: { name: 'web-root' }, spec: {} }],
    template: {
      spec: {
        domain: { devices: {} },
        volumes: [{ name: 'root', dataVolume: { name: 'web-root' } }],
      },
    },
  },
  status: { printableStatus: status },
});
const dv = (status: DataVolumeObject['status']): Map<string, DataVolumeObject> =>
  new Map([['web-root', { metadata: { name: 'web-root' }, status }]]);
const running: VmiObject = {
  metadata: { name: 'web' },
  status: {
    phase: 'Running',
    nodeName: 'worker-1',
    interfaces: [{ name: 'default', ipAddress: '10.244.130.7', ipAddresses: ['10.244.130.7'] }],
    conditions: [{ type: 'LiveMigratable', status: 'True' }],
  },
};

describe('vmSummary', () => {
  it('says how far the disk import is while provisioning', () => {
    const s = vmSummary(
      vm('Provisioning'),
      undefined,
      dv({ phase: 'ImportInProgress', progress: '43.00%' }),
    );
    expect(english(s.summary)).toBe('Waiting for disk root: 43.00% imported');
    expect(s.tone).toBe('progress');
  });

  it('puts a failing import first, with CDI’s reason', () => {
    const s = vmSummary(
      vm('Provisioning'),
      undefined,
      dv({
        phase: 'ImportInProgress',
        restartCount: 3,
        conditions: [
          {
            type: 'Running',
            status: 'False',
            reason: 'Error',
            message: 'Unable to connect to http data source',
          },
        ],
      }),
    );
    expect(english(s.summary)).toBe(
      'Disk root could not be prepared: Unable to connect to http data source',
    );
    expect(s.tone).toBe('error');
  });

  it('says where it runs and its address', () => {
    const s = vmSummary(vm('Running'), running, dv({ phase: 'Succeeded', progress: '100.0%' }));
    expect(english(s.summary)).toBe('Running on worker-1, address 10.244.130.7');
    expect(s).toMatchObject({
      node: 'worker-1',
      ips: ['10.244.130.7'],
      migratable: { ok: true },
      tone: 'ok',
    });
  });

  it('shows a running migration with its nodes, and why an instance is not placed', () => {
    const m: MigrationObject = {
      metadata: { name: 'm1', creationTimestamp: '2026-12-01T10:00:00Z' },
      spec: { vmiName: 'web' },
      status: {
        phase: 'Running',
        migrationState: { sourceNode: 'worker-1', targetNode: 'worker-2' },
      },
    };
    expect(
      english(vmSummary(vm('Migrating'), running, dv({ phase: 'Succeeded' }), [m]).summary),
    ).toBe('Live migration Running: worker-1 → worker-2');
    const pending: VmiObject = {
      status: {
        phase: 'Scheduling',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 3 Insufficient memory.',
          },
        ],
      },
    };
    expect(
      english(vmSummary(vm('ErrorUnschedulable'), pending, dv({ phase: 'Succeeded' })).summary),
    ).toBe('Cannot be placed on a node: 0/3 nodes are available: 3 Insufficient memory.');
  });

  it('reads Paused from the instance', () => {
    const paused: VmiObject = {
      status: {
        ...running.status,
        conditions: [{ type: 'Paused', status: 'True', reason: 'PausedByUser' }],
      },
    };
    expect(vmSummary(vm('Running'), paused, dv({ phase: 'Succeeded' })).status).toBe('Paused');
  });
});
