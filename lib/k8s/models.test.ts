import { describe, expect, it } from 'vitest';

import { apiVersionOf, isModelId, models, resourcePath } from './models';

describe('resource models', () => {
  it('builds core and group paths', () => {
    expect(resourcePath(models.nodes)).toBe('/api/v1/nodes');
    expect(resourcePath(models.services, 'tenant-acme', 'web')).toBe(
      '/api/v1/namespaces/tenant-acme/services/web',
    );
    expect(resourcePath(models.clusters, 'tenant-acme')).toBe(
      '/apis/cluster.x-k8s.io/v1beta2/namespaces/tenant-acme/clusters',
    );
  });

  it('ignores a namespace for cluster-scoped kinds', () => {
    expect(resourcePath(models.nodes, 'tenant-acme', 'n1')).toBe('/api/v1/nodes/n1');
  });

  it('escapes names', () => {
    expect(resourcePath(models.secrets, 'a', 'x/y')).toBe('/api/v1/namespaces/a/secrets/x%2Fy');
  });

  it('knows api versions and ids', () => {
    expect(apiVersionOf(models.nodes)).toBe('v1');
    expect(apiVersionOf(models.helmreleases)).toBe('helm.toolkit.fluxcd.io/v2');
    expect(isModelId('clusters')).toBe(true);
    expect(isModelId('toString')).toBe(false);
  });

  it('keys every model by its id', () => {
    for (const [key, m] of Object.entries(models)) expect(m.id).toBe(key);
  });
});
