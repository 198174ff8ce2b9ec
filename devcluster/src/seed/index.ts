// The demo cloud. `cluster start` calls seed() after the simulator is up, on every start: platform
// objects are re-applied (server-side apply, field manager stratus-seed), tenant workloads are
// created only if missing, and status is written only where nothing has moved it on yet.
import type { Profile } from '../config.ts';
import type { KObj } from '../simulator/kube/types.ts';
import { catalogObjects } from './catalog.ts';
import { SeedClient } from './client.ts';
import { FENCING_NAMESPACE, MEDIK8S_NAMESPACE, seedFencing } from './fencing.ts';
import { DRAIN_NAMESPACE, seedDrain } from './drain.ts';
import { fluxNamespaces, seedFlux } from './flux.ts';
import { seedImages } from './images.ts';
import { METAL3_NAMESPACE, seedHardware } from './hardware.ts';
import { METALLB_NAMESPACE, seedNetwork } from './network.ts';
import { NFD_NAMESPACE, seedNodes } from './nodes.ts';
import { ADDONS_NAMESPACE, seedPlatform } from './platform.ts';
import { seedStorage, STORAGE_NAMESPACE } from './storage.ts';
import { seedTenants } from './tenants.ts';

export { tenantObjects } from './tenants.ts';
export { clusterObjects } from './clusters.ts';

const systemNamespaces = () => [
  'flux-system',
  METAL3_NAMESPACE,
  NFD_NAMESPACE,
  STORAGE_NAMESPACE,
  METALLB_NAMESPACE,
  MEDIK8S_NAMESPACE,
  FENCING_NAMESPACE,
  ADDONS_NAMESPACE,
  ...fluxNamespaces(),
  DRAIN_NAMESPACE,
];

function namespace(name: string): KObj {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { 'stratus.dev/system': 'true', 'kubernetes.io/metadata.name': name },
    },
  };
}

export async function seed(kubeconfigFile: string, p: Profile): Promise<void> {
  const log = (msg: string) => process.stderr.write(`devcluster: seed (${p.name}): ${msg}\n`);
  const c = new SeedClient(kubeconfigFile, log);
  const now = new Date();
  try {
    await c.apply(systemNamespaces().map(namespace));
    await c.apply([
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'helm-controller', namespace: 'flux-system' },
      },
    ]);
    await c.apply(catalogObjects());
    // Independent domains; the simulator catches up with whatever order they land in.
    await Promise.all([
      seedStorage(c, log),
      seedNodes(c, now),
      seedHardware(c, now),
      seedNetwork(c),
      seedFlux(c, now),
      seedFencing(c),
      seedTenants(c),
      seedPlatform(c, now),
      seedImages(c),
    ]);
    // Pods on kwok nodes, once kwok runs the nodes (seedNodes waited for that).
    await seedDrain(c);
  } finally {
    c.close();
  }
}
