// The Kamaji control-plane provider (KamajiControlPlane v1alpha2) as a pure step function:
// create the TenantControlPlane, publish the endpoint, initialize, become ready; upgrades go through
// a short Upgrading state.
import type { Condition, KObj } from '../kube/types.ts';
import type { KcpObj, TcpObj } from '../kinds.ts';
import { cond, setConditions, type ConditionInput } from '../conditions.ts';
import { CLUSTER_NAME_LABEL, STRATUS_CLUSTER_LABEL, cpInitialized } from './cluster.ts';

export interface KcpStatusView {
  ready: boolean;
  version: string;
  externalManagedControlPlane: true;
  initialization: { controlPlaneInitialized: boolean };
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  upToDateReplicas: number;
  selector: string;
  conditions: Condition[];
}

export interface KcpStep {
  id: string;
  after: number;
  status: KcpStatusView;
  createTcp?: boolean;
  /** Publish the endpoint on the KCP, the KubevirtCluster and the TCP. */
  publishEndpoint?: boolean;
  tcpVersion?: { status: 'Provisioning' | 'Upgrading' | 'Ready'; version: string };
  event?: { reason: string; message: string; type?: 'Normal' | 'Warning' };
}

export const delays = {
  init: 0.2,
  tcp: 1,
  endpoint: 1.5,
  initialize: 2,
  ready: 1.5,
  upgradeStart: 0.5,
  upgrade: 4,
  scale: 1.5,
};

const c = cond;

function view(
  kcp: KcpObj,
  over: Partial<KcpStatusView>,
  conds: ConditionInput[],
  now: string,
): KcpStatusView {
  const s = kcp.status ?? {};
  return {
    ready: s.ready ?? false,
    version: s.version ?? kcp.spec.version,
    externalManagedControlPlane: true,
    initialization: { controlPlaneInitialized: s.initialization?.controlPlaneInitialized ?? false },
    replicas: s.replicas ?? 0,
    readyReplicas: s.readyReplicas ?? 0,
    availableReplicas: s.availableReplicas ?? 0,
    upToDateReplicas: s.upToDateReplicas ?? 0,
    selector: `kamaji.clastix.io/name=${kcp.metadata.name}`,
    ...over,
    conditions: setConditions(s.conditions, conds, now),
  };
}

export interface KcpContext {
  /** The owning Cluster exists and isn't being deleted. */
  clusterLive: boolean;
  infraReady: boolean;
  tcp?: TcpObj;
  /** Kamaji's validating webhook refuses a TenantControlPlane whose DataStore doesn't exist. */
  dataStoreExists: boolean;
}

/** Kamaji v1.0 internal/webhook/handlers/tcp_datastore.go, wrapped as the provider wraps it. */
export const dataStoreRefusal = (name: string): string =>
  `cannot create or update TenantControlPlane: admission webhook "vtenantcontrolplane.kb.io" denied the request: ${name} DataStore does not exist`;

export function nextKcpStep(kcp: KcpObj, ctx: KcpContext, now: string): KcpStep | undefined {
  if (!ctx.clusterLive || kcp.metadata.deletionTimestamp) return undefined;
  const uid = kcp.metadata.uid ?? '';
  const s = kcp.status;
  const desired = kcp.spec.replicas ?? 2;
  if (!s) {
    return {
      id: `init:${uid}`,
      after: delays.init,
      status: view(
        kcp,
        {},
        [
          c('Available', 'False', 'NotAvailable', 'Control plane is not available yet'),
          c(
            'TenantControlPlaneCreated',
            'False',
            'NotCreated',
            'Waiting for cluster infrastructure',
          ),
          c('KamajiControlPlaneIsInitialized', 'False', 'NotInitialized'),
          c('KamajiControlPlaneIsReady', 'False', 'NotReady'),
        ],
        now,
      ),
    };
  }
  if (!ctx.infraReady) return undefined;
  if (!ctx.tcp && !ctx.dataStoreExists) {
    const message = dataStoreRefusal(kcp.spec.dataStoreName ?? 'default');
    const shown = s.conditions?.find((x) => x.type === 'TenantControlPlaneCreated');
    if (shown?.message === message) return undefined;
    return {
      id: `datastore:${uid}:${message}`,
      after: delays.tcp,
      // TrackConditionType in the provider: False, reason Pending, the error as the message.
      status: view(kcp, {}, [c('TenantControlPlaneCreated', 'False', 'Pending', message)], now),
      event: { reason: 'TenantControlPlaneCreateFailed', message, type: 'Warning' },
    };
  }
  if (!ctx.tcp) {
    return {
      id: `tcp:${uid}`,
      after: delays.tcp,
      createTcp: true,
      status: view(kcp, {}, [c('TenantControlPlaneCreated', 'True', 'Created')], now),
      tcpVersion: { status: 'Provisioning', version: kcp.spec.version },
      event: {
        reason: 'TenantControlPlaneCreated',
        message: `TenantControlPlane ${kcp.metadata.name} created`,
      },
    };
  }
  if (!kcp.spec.controlPlaneEndpoint?.host) {
    return {
      id: `endpoint:${uid}`,
      after: delays.endpoint,
      publishEndpoint: true,
      status: view(
        kcp,
        {},
        [
          c('TenantControlPlaneAddressReady', 'True', 'AddressReady'),
          c('ControlPlaneEndpointPatched', 'True', 'Patched'),
          c('InfrastructureClusterPatched', 'True', 'Patched'),
        ],
        now,
      ),
    };
  }
  if (!cpInitialized(kcp)) {
    return {
      id: `initialize:${uid}`,
      after: delays.initialize,
      status: view(
        kcp,
        {
          initialization: { controlPlaneInitialized: true },
          replicas: desired,
          readyReplicas: 0,
          version: kcp.spec.version,
        },
        [
          c('KamajiControlPlaneIsInitialized', 'True', 'Initialized'),
          c('KubeadmResourcesCreated', 'True', 'Created'),
        ],
        now,
      ),
      event: {
        reason: 'Initialized',
        message: `Control plane of ${kcp.metadata.name} initialized`,
      },
    };
  }
  if (!s.ready) {
    return {
      id: `ready:${uid}`,
      after: delays.ready,
      status: view(
        kcp,
        {
          ready: true,
          replicas: desired,
          readyReplicas: desired,
          availableReplicas: desired,
          upToDateReplicas: desired,
        },
        [c('KamajiControlPlaneIsReady', 'True', 'Ready'), c('Available', 'True', 'Available')],
        now,
      ),
      tcpVersion: { status: 'Ready', version: kcp.spec.version },
      event: {
        reason: 'Ready',
        message: `Control plane ${kcp.metadata.name} is ready (${kcp.spec.version})`,
      },
    };
  }
  if (s.version !== kcp.spec.version) {
    if ((s.upToDateReplicas ?? 0) !== 0) {
      return {
        id: `upgrade-start:${uid}:${kcp.spec.version}`,
        after: delays.upgradeStart,
        status: view(
          kcp,
          { upToDateReplicas: 0 },
          [c('KamajiControlPlaneIsReady', 'True', 'Ready')],
          now,
        ),
        tcpVersion: { status: 'Upgrading', version: s.version ?? kcp.spec.version },
        event: {
          reason: 'Upgrading',
          message: `Upgrading control plane from ${s.version} to ${kcp.spec.version}`,
        },
      };
    }
    return {
      id: `upgrade:${uid}:${kcp.spec.version}`,
      after: delays.upgrade,
      status: view(kcp, { version: kcp.spec.version, upToDateReplicas: desired }, [], now),
      tcpVersion: { status: 'Ready', version: kcp.spec.version },
      event: { reason: 'Upgraded', message: `Control plane upgraded to ${kcp.spec.version}` },
    };
  }
  if (s.replicas !== desired || s.readyReplicas !== desired || s.upToDateReplicas !== desired) {
    return {
      id: `scale:${uid}:${desired}`,
      after: delays.scale,
      status: view(
        kcp,
        {
          replicas: desired,
          readyReplicas: desired,
          availableReplicas: desired,
          upToDateReplicas: desired,
        },
        [],
        now,
      ),
    };
  }
  return undefined;
}

/** The TenantControlPlane the provider creates: same name and namespace as the KCP, owned by it. */
export function tcpFor(kcp: KcpObj, clusterName: string): KObj {
  const spec = kcp.spec as KcpObj['spec'] & { network?: { serviceType?: string } };
  const stratus = kcp.metadata.labels?.[STRATUS_CLUSTER_LABEL];
  return {
    apiVersion: 'kamaji.clastix.io/v1alpha1',
    kind: 'TenantControlPlane',
    metadata: {
      name: kcp.metadata.name,
      namespace: kcp.metadata.namespace,
      labels: {
        [CLUSTER_NAME_LABEL]: clusterName,
        'kamaji.clastix.io/component': 'capi',
        ...(stratus ? { [STRATUS_CLUSTER_LABEL]: stratus } : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'controlplane.cluster.x-k8s.io/v1alpha2',
          kind: 'KamajiControlPlane',
          name: kcp.metadata.name,
          uid: kcp.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      dataStore: kcp.spec.dataStoreName ?? 'default',
      controlPlane: {
        deployment: { replicas: kcp.spec.replicas ?? 2 },
        service: { serviceType: spec.network?.serviceType ?? 'LoadBalancer' },
      },
      kubernetes: { version: kcp.spec.version, kubelet: { cgroupfs: 'systemd' } },
      networkProfile: { port: 6443 },
      addons: { coreDNS: {}, kubeProxy: {}, konnectivity: { server: { port: 8132 } } },
    },
  };
}
