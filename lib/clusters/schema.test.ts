import { describe, expect, it } from 'vitest';

import { fieldErrorsOf } from '../forms/issues';
import { english } from '../i18n/catalogs';
import { cidrsOverlap, createClusterSchema } from './schema';
import { defaultNodeGroup } from './draft';

const fieldErrors = (e: Parameters<typeof fieldErrorsOf>[0]) =>
  Object.fromEntries(Object.entries(fieldErrorsOf(e)).map(([k, m]) => [k, english(m)]));

const valid = {
  name: 'dev',
  version: 'v1.34.1',
  controlPlaneReplicas: 2,
  nodeGroups: [defaultNodeGroup],
};

describe('createClusterSchema', () => {
  it('accepts a minimal cluster and fills network defaults', () => {
    const r = createClusterSchema.parse(valid);
    expect(r.podCidr).toBe('10.243.0.0/16');
    expect(r.serviceCidr).toBe('10.95.0.0/16');
  });

  it.each([
    ['Dev', 'name'],
    ['-dev', 'name'],
    ['a'.repeat(41), 'name'],
  ])('rejects the name %s', (name, field) => {
    const r = createClusterSchema.safeParse({ ...valid, name });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(fieldErrors(r.error))).toContain(field);
  });

  it('rejects replicas out of range with a clear message', () => {
    const r = createClusterSchema.safeParse({
      ...valid,
      nodeGroups: [{ ...defaultNodeGroup, replicas: 51 }],
    });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(fieldErrors(r.error)['nodeGroups.0.replicas']).toBe('At most 50 nodes per group.');
    const cp = createClusterSchema.safeParse({ ...valid, controlPlaneReplicas: 0 });
    expect(cp.success).toBe(false);
  });

  it('rejects duplicate node groups, a missing storage class, overlapping ranges and bad autoscale bounds', () => {
    const dup = createClusterSchema.safeParse({
      ...valid,
      nodeGroups: [defaultNodeGroup, defaultNodeGroup],
    });
    expect(dup.success).toBe(false);
    const noClass = createClusterSchema.safeParse({
      ...valid,
      nodeGroups: [{ ...defaultNodeGroup, storageClass: '' }],
    });
    expect(noClass.success).toBe(false);
    const overlap = createClusterSchema.safeParse({
      ...valid,
      podCidr: '10.0.0.0/8',
      serviceCidr: '10.95.0.0/16',
    });
    expect(overlap.success).toBe(false);
    const bounds = createClusterSchema.safeParse({
      ...valid,
      nodeGroups: [{ ...defaultNodeGroup, autoscale: true, minReplicas: 5, maxReplicas: 2 }],
    });
    expect(bounds.success).toBe(false);
  });

  it('detects CIDR overlap', () => {
    expect(cidrsOverlap('10.243.0.0/16', '10.95.0.0/16')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/8', '10.95.0.0/16')).toBe(true);
  });

  it('treats an emptied number field as missing, never as 0', () => {
    const r = createClusterSchema.safeParse({
      ...valid,
      nodeGroups: [{ ...defaultNodeGroup, replicas: '' }],
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)['nodeGroups.0.replicas']).toBe('Enter a value.');
    expect(
      createClusterSchema.parse({ ...valid, controlPlaneReplicas: '3' }).controlPlaneReplicas,
    ).toBe(3);
  });
});
