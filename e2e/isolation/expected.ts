// The tenant isolation matrix as data: for every server action, route handler, the live stream and
// the console WebSocket, who may use it against tenant acme (or the platform) and what everyone
// else is told. A cell not listed as allowed is refused: "unauthenticated" signed out or expired,
// "forbidden" signed in (or the row's own refusal), and the cluster is unchanged after it.
// lib/actions/isolation-table.test.ts fails when an action or a route has no row here.
import type { UserErrorCode } from '../../lib/k8s/errors';
import type { ModelId } from '../../lib/k8s/models';
import { actionSamples, type ActionName } from '../../lib/testing/action-samples';

export const personas = ['alice', 'carol', 'bob', 'oscar', 'signedOut', 'expired'] as const;
export type Persona = (typeof personas)[number];

export const personaRoles: Record<Persona, string> = {
  alice: 'acme admin',
  carol: 'acme viewer',
  bob: 'globex admin',
  oscar: 'operator',
  signedOut: 'signed out',
  expired: 'expired session',
};

/**
 * An allowed cell: the action succeeds on the sample (reads and harmless changes), or, where success
 * would change the seed, the person gets past RBAC to the object's own answer: not found for a name
 * that does not exist, already exists for a create of a taken name.
 */
export interface Allowed {
  expect: 'ok' | Extract<UserErrorCode, 'notFound' | 'alreadyExists'>;
  /** Instead of the sample (which aims at a seed object). */
  input?: unknown;
  /** The cell creates the probe object (removed again after it). */
  creates?: true;
}

export interface ActionRow {
  allowed: Partial<Record<Persona, Allowed>>;
  /** Where a refusal must change nothing (fingerprinted before and after each cell). */
  touches: ModelId[];
  namespace: string | null;
  /** Refusals other than forbidden (signed in) / unauthenticated (signed out, expired). */
  refused?: Partial<Record<Persona, UserErrorCode>>;
  /** No page uses the action, so the build does not expose it: nobody can call it. */
  unreachable?: true;
}

const acme = 'tenant-acme';
const absent = 'iso-absent';
const ok: Allowed = { expect: 'ok' };

function missing<N extends ActionName>(
  name: N,
  patch: Record<string, unknown>,
  expect: Allowed['expect'] = 'notFound',
): Allowed {
  return { expect, input: { ...actionSamples[name], ...patch } };
}

function taken<N extends ActionName>(name: N, input: unknown): Allowed {
  return { expect: 'alreadyExists', input };
}

const tenantAdmin = (a: Allowed): ActionRow['allowed'] => ({ alice: a });

export const actionRows: Record<ActionName, ActionRow> = {
  createCluster: {
    allowed: tenantAdmin(
      taken('createCluster', {
        ...actionSamples.createCluster,
        cluster: { ...actionSamples.createCluster.cluster, name: 'prod' },
      }),
    ),
    touches: ['clusters', 'kamajicontrolplanes', 'machinedeployments', 'helmreleases'],
    namespace: acme,
  },
  scaleClusterNodeGroup: {
    allowed: tenantAdmin(missing('scaleClusterNodeGroup', { machineDeployment: absent })),
    touches: ['machinedeployments'],
    namespace: acme,
  },
  upgradeCluster: {
    allowed: tenantAdmin(missing('upgradeCluster', { cluster: absent })),
    touches: ['kamajicontrolplanes', 'machinedeployments', 'kubevirtmachinetemplates'],
    namespace: acme,
  },
  previewClusterDelete: {
    // Only someone who may delete sees what a delete would take.
    allowed: { alice: ok },
    touches: ['clusters'],
    namespace: acme,
  },
  deleteCluster: {
    // Deleting what is not there is done already.
    allowed: tenantAdmin(missing('deleteCluster', { cluster: absent, confirm: absent }, 'ok')),
    touches: ['clusters', 'helmreleases'],
    namespace: acme,
  },
  setClusterAddon: {
    allowed: tenantAdmin(missing('setClusterAddon', { cluster: absent }, 'ok')),
    touches: ['helmreleases'],
    namespace: acme,
  },
  createVm: {
    allowed: tenantAdmin(
      taken('createVm', {
        ...actionSamples.createVm,
        vm: { ...actionSamples.createVm.vm, name: 'web-1' },
      }),
    ),
    touches: ['virtualmachines', 'datavolumes', 'services'],
    namespace: acme,
  },
  powerVm: {
    allowed: {
      alice: missing('powerVm', { name: absent }),
      oscar: missing('powerVm', { name: absent }),
    },
    touches: ['virtualmachines', 'virtualmachineinstances'],
    namespace: acme,
  },
  migrateVm: {
    allowed: {
      alice: missing('migrateVm', { name: absent }),
      oscar: missing('migrateVm', { name: absent }),
    },
    touches: ['virtualmachines', 'virtualmachineinstancemigrations'],
    namespace: acme,
  },
  cancelVmMigration: {
    allowed: tenantAdmin(missing('cancelVmMigration', {})),
    touches: ['virtualmachineinstancemigrations'],
    namespace: acme,
  },
  snapshotVm: {
    // KubeVirt takes a snapshot of a VM that is not there (it fails later, in its status).
    allowed: tenantAdmin({ ...missing('snapshotVm', { name: absent }, 'ok'), creates: true }),
    touches: ['virtualmachinesnapshots'],
    namespace: acme,
  },
  restoreVm: {
    // KubeVirt accepts a restore of a VM that is not there too.
    allowed: tenantAdmin({ ...missing('restoreVm', { name: absent }, 'ok'), creates: true }),
    touches: ['virtualmachinerestores', 'virtualmachines'],
    namespace: acme,
  },
  previewVmDelete: {
    allowed: { alice: ok, carol: ok, oscar: ok },
    touches: ['virtualmachines'],
    namespace: acme,
  },
  deleteVm: {
    allowed: tenantAdmin(missing('deleteVm', { name: absent, confirm: absent })),
    touches: ['virtualmachines', 'datavolumes'],
    namespace: acme,
  },
  addVmDisk: {
    allowed: tenantAdmin(missing('addVmDisk', { name: absent })),
    touches: ['virtualmachines', 'datavolumes'],
    namespace: acme,
  },
  removeVmDisk: {
    allowed: tenantAdmin(missing('removeVmDisk', { name: absent })),
    touches: ['virtualmachines', 'datavolumes'],
    namespace: acme,
  },
  deleteResource: {
    allowed: tenantAdmin(missing('deleteResource', { name: absent })),
    touches: ['services', 'clusters', 'virtualmachines', 'persistentvolumeclaims'],
    namespace: acme,
  },
  createLoadBalancer: {
    allowed: tenantAdmin(
      taken('createLoadBalancer', {
        ...actionSamples.createLoadBalancer,
        lb: { ...actionSamples.createLoadBalancer.lb, name: 'web' },
      }),
    ),
    touches: ['services'],
    namespace: acme,
  },
  editLoadBalancerPorts: {
    allowed: tenantAdmin(missing('editLoadBalancerPorts', { name: absent })),
    touches: ['services'],
    namespace: acme,
  },
  deleteLoadBalancer: {
    allowed: tenantAdmin(missing('deleteLoadBalancer', { name: absent, confirm: absent })),
    touches: ['services'],
    namespace: acme,
  },
  reconcileRelease: {
    allowed: { oscar: missing('reconcileRelease', { name: absent }) },
    touches: ['helmreleases'],
    namespace: 'cozy-cilium',
  },
  suspendRelease: {
    allowed: { oscar: missing('suspendRelease', { name: absent }) },
    touches: ['helmreleases'],
    namespace: 'cozy-cilium',
  },
  powerHost: {
    allowed: { oscar: missing('powerHost', { name: absent }) },
    touches: ['baremetalhosts'],
    namespace: 'metal3',
  },
  onboardTenant: {
    allowed: {
      oscar: taken('onboardTenant', {
        tenant: { ...actionSamples.onboardTenant.tenant, name: 'acme' },
      }),
    },
    touches: ['namespaces', 'resourcequotas', 'rolebindings'],
    namespace: null,
  },
  changeTenantQuota: {
    allowed: { oscar: missing('changeTenantQuota', { tenant: absent }) },
    touches: ['resourcequotas'],
    namespace: acme,
  },
  previewOffboard: {
    // A tenant's own members may see what offboarding would remove: nothing they can't list.
    allowed: { alice: ok, carol: ok, oscar: ok },
    touches: ['namespaces', 'virtualmachines'],
    namespace: null,
  },
  offboardTenant: {
    allowed: { oscar: missing('offboardTenant', { tenant: absent, confirm: absent }) },
    touches: ['namespaces'],
    namespace: null,
  },
  createVolume: {
    allowed: tenantAdmin(
      taken('createVolume', {
        ...actionSamples.createVolume,
        volume: { ...actionSamples.createVolume.volume, name: 'scratch' },
      }),
    ),
    touches: ['persistentvolumeclaims'],
    namespace: acme,
  },
  expandVolume: {
    allowed: tenantAdmin(missing('expandVolume', { name: absent })),
    touches: ['persistentvolumeclaims'],
    namespace: acme,
  },
  snapshotVolume: {
    allowed: tenantAdmin(missing('snapshotVolume', { name: absent })),
    touches: ['persistentvolumeclaims', 'volumesnapshots'],
    namespace: acme,
  },
  deleteVolumeSnapshot: {
    allowed: {},
    touches: ['volumesnapshots'],
    namespace: acme,
    unreachable: true,
  },
  deleteVolume: {
    allowed: tenantAdmin(missing('deleteVolume', { name: absent, confirm: absent }, 'ok')),
    touches: ['persistentvolumeclaims', 'virtualmachines'],
    namespace: acme,
  },
  volumeHealth: {
    allowed: { alice: ok, carol: ok, oscar: ok },
    touches: ['persistentvolumeclaims'],
    namespace: acme,
  },
  storageOverview: { allowed: { oscar: ok }, touches: ['persistentvolumeclaims'], namespace: null },
  cordonNode: {
    allowed: { oscar: missing('cordonNode', { name: absent }) },
    touches: ['nodes'],
    namespace: null,
  },
  drainNode: {
    allowed: { oscar: missing('drainNode', { name: absent }) },
    touches: ['nodes', 'pods'],
    namespace: null,
  },
  fenceNode: {
    allowed: { oscar: missing('fenceNode', { name: absent }) },
    touches: ['fenceagentsremediations', 'fenceagentsremediationtemplates'],
    namespace: null,
  },
  pauseHealthCheck: {
    allowed: { oscar: missing('pauseHealthCheck', { name: absent }) },
    touches: ['nodehealthchecks'],
    namespace: null,
  },
  nodeReplicas: { allowed: { oscar: ok }, touches: ['nodes'], namespace: null },
};

/** What a route answers each persona: HTTP status codes. */
export interface RouteRow {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  expect: Record<Persona, number>;
  /** Where a refusal must change nothing. */
  touches: ModelId[];
  namespace: string | null;
}

const everyone = (status: number): Record<Persona, number> => ({
  alice: status,
  carol: status,
  bob: status,
  oscar: status,
  signedOut: status,
  expired: status,
});

/** Keyed by the route file under app/api (each must have a row). */
export const routeRows: Record<string, RouteRow> = {
  'auth/[...nextauth]': {
    method: 'GET',
    url: '/api/auth/providers',
    expect: everyone(200),
    touches: [],
    namespace: null,
  },
  'auth/end-session': {
    method: 'GET',
    url: '/api/auth/end-session',
    expect: everyone(302),
    touches: [],
    namespace: null,
  },
  healthz: {
    method: 'GET',
    url: '/api/healthz',
    expect: everyone(200),
    touches: [],
    namespace: null,
  },
  readyz: {
    method: 'GET',
    url: '/api/readyz',
    expect: everyone(200),
    touches: [],
    namespace: null,
  },
  'k8s/list': {
    method: 'GET',
    url: '/api/k8s/list?model=virtualmachines&namespace=tenant-acme',
    expect: { alice: 200, carol: 200, bob: 403, oscar: 200, signedOut: 401, expired: 401 },
    touches: [],
    namespace: null,
  },
  live: {
    method: 'GET',
    url: '/api/live',
    expect: { alice: 200, carol: 200, bob: 200, oscar: 200, signedOut: 401, expired: 401 },
    touches: [],
    namespace: null,
  },
  'live/subscriptions': {
    // Signed in with no stream of one's own, the id names nobody's: gone (the stream matrix below
    // covers subscribing to another tenant).
    method: 'POST',
    url: '/api/live/subscriptions',
    body: { streamId: 'iso-no-such-stream', subscriptions: [] },
    expect: { alice: 404, carol: 404, bob: 404, oscar: 404, signedOut: 401, expired: 401 },
    touches: [],
    namespace: null,
  },
  'tenants/[tenant]/clusters/[cluster]/kubeconfig': {
    method: 'GET',
    url: '/api/tenants/acme/clusters/prod/kubeconfig',
    expect: { alice: 200, carol: 403, bob: 403, oscar: 403, signedOut: 401, expired: 401 },
    touches: ['clusters'],
    namespace: acme,
  },
  'vms/console-ticket': {
    // A ticket grants nothing by itself: the console row below is where RBAC decides.
    method: 'POST',
    url: '/api/vms/console-ticket',
    body: { namespace: acme, name: 'web-1', kind: 'console' },
    expect: { alice: 200, carol: 200, bob: 200, oscar: 200, signedOut: 401, expired: 401 },
    touches: [],
    namespace: null,
  },
};

/** A live subscription to acme's VMs: a sync of the list, or the stream's error for that list. */
export const liveRow: Record<Persona, 'sync' | 'forbidden' | 401> = {
  alice: 'sync',
  carol: 'sync',
  bob: 'forbidden',
  oscar: 'sync',
  signedOut: 401,
  expired: 401,
};

/** The serial console of acme's web-1: opens, or closes with the proxy's refusal code. */
export const consoleRow: Record<Persona, 'open' | 'refused' | 'noTicket'> = {
  alice: 'open',
  carol: 'refused',
  bob: 'refused',
  oscar: 'refused',
  signedOut: 'noTicket',
  expired: 'noTicket',
};
