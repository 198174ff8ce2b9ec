// What the operator provides for tenant clusters (deploy/platform/platform.yaml): a Kamaji DataStore
// per tenant namespace, and the add-on catalog's chart sources in stratus-addons, reported Ready the
// way source-controller reports a fetched index.
import { createHash } from 'node:crypto';

import { fillPattern } from '../../../lib/platform/pattern.ts';
import { demoTenants } from '../demo-users.ts';
import type { KObj } from '../simulator/kube/types.ts';
import { devPlatform } from './clusters.ts';
import { daysAgo, type SeedClient } from './client.ts';

export const ADDONS_NAMESPACE = 'stratus-addons';

/** Where the catalog's sources point upstream (the simulator's chart index knows these URLs). */
export const sourceUrls: Record<string, { url: string; type?: 'oci' }> = {
  cilium: { url: 'https://helm.cilium.io/' },
  'ingress-nginx': { url: 'https://kubernetes.github.io/ingress-nginx' },
  jetstack: { url: 'https://charts.jetstack.io' },
  'metrics-server': { url: 'https://kubernetes-sigs.github.io/metrics-server/' },
  'stratus-charts': { url: 'oci://ghcr.io/stratus-dev/charts', type: 'oci' },
};

export function dataStoreFor(namespace: string, tenant: string): KObj {
  const name = fillPattern(devPlatform().controlPlane.dataStoreName, {
    namespace,
    tenant,
    cluster: '',
  });
  // Kamaji reads the etcd CA and client certificate from one Secret in its namespace.
  const ref = (keyPath: string) => ({
    secretReference: { name: `${name}-etcd-certs`, namespace: 'kamaji-system', keyPath },
  });
  return {
    apiVersion: 'kamaji.clastix.io/v1alpha1',
    kind: 'DataStore',
    metadata: { name },
    spec: {
      driver: 'etcd',
      endpoints: [`${name}-etcd-0.${name}-etcd.kamaji-system.svc:2379`],
      tlsConfig: {
        certificateAuthority: { certificate: ref('ca.crt'), privateKey: ref('ca.key') },
        clientCertificate: { certificate: ref('tls.crt'), privateKey: ref('tls.key') },
      },
    },
  };
}

export function addonSources(): KObj[] {
  const names = [...new Set(devPlatform().addons.map((a) => `${a.source.kind}/${a.source.name}`))];
  return names.map((n) => {
    const [kind = '', name = ''] = n.split('/');
    const src = sourceUrls[name];
    if (!src) throw new Error(`seed: no upstream URL for add-on source ${name}`);
    return {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind,
      metadata: { name, namespace: ADDONS_NAMESPACE },
      spec: { url: src.url, interval: '1h0m0s', ...(src.type ? { type: src.type } : {}) },
    };
  });
}

/** source-controller's status after fetching a repository index. */
export function sourceStatus(o: KObj, now: Date): Record<string, unknown> {
  const rev = `sha256:${createHash('sha256').update(o.metadata.name).digest('hex')}`;
  const path = `helmrepository/${ADDONS_NAMESPACE}/${o.metadata.name}/index-${rev.slice(7, 23)}.yaml`;
  const ready = {
    type: 'Ready',
    status: 'True',
    reason: 'Succeeded',
    message: `stored artifact: revision '${rev}'`,
    lastTransitionTime: daysAgo(now, 1),
    observedGeneration: 1,
  };
  const url = `http://source-controller.flux-system.svc.cluster.local./${path}`;
  return {
    observedGeneration: 1,
    url,
    artifact: {
      digest: rev,
      lastUpdateTime: daysAgo(now, 0, 30),
      path,
      revision: rev,
      size: 91234,
      url,
    },
    conditions: [ready, { ...ready, type: 'ArtifactInStorage' }],
  };
}

export async function seedPlatform(c: SeedClient, now: Date): Promise<void> {
  await c.apply(demoTenants.map((t) => dataStoreFor(t.namespace, t.name)));
  const sources = addonSources();
  await c.apply(sources);
  // source-controller writes no status for OCI Helm repositories (nothing to fetch ahead of a pull).
  for (const s of sources)
    if ((s.spec as { type?: string } | undefined)?.type !== 'oci')
      await c.status(s, sourceStatus(s, now), { unlessSet: 'conditions' });
}
