import { describe, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { quotaShortfall as shortfall } from './quota';

const quotaShortfall = (...args: Parameters<typeof shortfall>) =>
  shortfall(...args).map((m) => english(m));
import { seededSizes } from '../testing/platform';
import { createClusterSchema } from './schema';
import { defaultNodeGroup } from './draft';

const input = createClusterSchema.parse({
  name: 'dev',
  version: 'v1.34.1',
  controlPlaneReplicas: 1,
  nodeGroups: [{ ...defaultNodeGroup, replicas: 3, diskGi: 100, instancetype: '' }],
});

describe('quotaShortfall', () => {
  it('is empty when the cluster fits', () => {
    expect(
      quotaShortfall(
        [
          {
            status: {
              hard: { 'count/clusters.cluster.x-k8s.io': '5', 'requests.storage': '1Ti' },
              used: { 'count/clusters.cluster.x-k8s.io': '1', 'requests.storage': '100Gi' },
            },
          },
        ],
        input,
        seededSizes(),
      ),
    ).toEqual([]);
  });

  it('names each shortfall', () => {
    const r = quotaShortfall(
      [
        {
          status: {
            hard: { 'count/clusters.cluster.x-k8s.io': '2', 'requests.storage': '200Gi' },
            used: { 'count/clusters.cluster.x-k8s.io': '2', 'requests.storage': '0' },
          },
        },
      ],
      input,
      seededSizes(),
    );
    expect(r).toEqual([
      'Kubernetes clusters: needs 1, 0 left of 2.',
      'Storage: needs 300 GiB, 200 GiB left of 200 GiB.',
    ]);
  });

  it("counts the workers' CPU and memory against the requests quota", () => {
    const r = quotaShortfall(
      [{ status: { hard: { 'requests.cpu': '4', 'requests.memory': '64Gi' }, used: {} } }],
      input,
      seededSizes(),
    );
    // 3 workers × 2 cores and × 4 GiB.
    expect(r).toEqual(['CPU: needs 6, 4 left of 4.']);
  });

  it("counts an instancetype's figures, not the custom fields", () => {
    const large = createClusterSchema.parse({
      ...input,
      nodeGroups: [{ ...defaultNodeGroup, replicas: 3, instancetype: 'u1.large' }],
    });
    const r = quotaShortfall(
      [{ status: { hard: { 'requests.cpu': '4', 'requests.memory': '16Gi' }, used: {} } }],
      large,
      seededSizes(),
    );
    // u1.large: 2 cores, 8 GiB.
    expect(r).toEqual([
      'CPU: needs 6, 4 left of 4.',
      'Memory: needs 24 GiB, 16 GiB left of 16 GiB.',
    ]);
  });
});
