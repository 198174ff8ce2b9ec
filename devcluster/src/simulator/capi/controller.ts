// Plays Cluster API core, the Kamaji control-plane provider and CAPK for tenant clusters:
// Cluster Pending → Provisioning → Provisioned, KamajiControlPlane + TenantControlPlane, the
// KubevirtCluster, MachineDeployments scaling Machines one by one, and the <cluster>-kubeconfig
// Secret. Nothing gets a finalizer: deleting a Cluster (and its parts) just works, and the
// simulator never recreates parts of a Cluster that is gone or going.
import { randomBytes } from 'node:crypto';

import type { ClusterObj, KcpObj, KvcObj, MachineDeploymentObj, MachineObj } from '../kinds.ts';
import { isStatus } from '../kube/rest.ts';
import { keyOf, pathOf, pathOfObj, R, type KObj, type Resource } from '../kube/types.ts';
import { findCondition, isTrue, nowIso, sameConditions } from '../conditions.ts';
import { flaggedConditions, mhcStatus, toRemediate } from './healthcheck.ts';
import { cniCharts } from '../flux/charts.ts';
import { nodeLabelsError } from '../kubelet/flags.ts';
import { pickIp } from '../kubevirt/vm.ts';
import { digest, type Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import {
  CLUSTER_NAME_LABEL,
  DEPLOYMENT_NAME_LABEL,
  clusterStatus,
  clusterStatusDiffers,
  cpInitialized,
  endpointFor,
  endpointValid,
  infraProvisioned,
  isDeleting,
  kubeconfigFor,
  kubeconfigSecret,
  nextPhase,
  ownedByCluster,
  withClusterOwner,
  type ClusterParts,
} from './cluster.ts';
import { nextKcpStep, tcpFor } from './controlplane.ts';
import {
  delays as mdDelays,
  machineFor,
  mdStatus,
  mdStatusDiffers,
  nextMachineStep,
  nextScaleStep,
} from './machines.ts';

const CAPI = 'capi-controller-manager';
const KAMAJI = 'capi-kamaji-controller-manager';
const CAPK = 'capk-controller-manager';
const after = { status: 0.2, phase: 1, endpoint: 0.3, kubeconfig: 0.5, owner: 0.1, infra: 1.5 };

export function startCapi(w: World): void {
  const {
    clusters,
    kcps,
    tcps,
    kvcs,
    machineDeployments: mds,
    machines,
    kubeconfigSecrets,
    vmis,
    helmReleases,
    kubeadmConfigTemplates,
    dataStores,
    healthChecks,
  } = w.inf;
  if (!clusters.available) return;
  const reservedIp = new Map<string, string>();

  // --- lookups -------------------------------------------------------------------------------
  const refersTo = (ref: { kind: string; name: string } | undefined, kind: string, name: string) =>
    ref?.kind === kind && ref.name === name;
  const clusterOfKcp = (kcp: KcpObj) =>
    clusters
      .list(kcp.metadata.namespace)
      .find((c) => refersTo(c.spec?.controlPlaneRef, 'KamajiControlPlane', kcp.metadata.name));
  const clusterOfKvc = (kvc: KvcObj) =>
    clusters
      .list(kvc.metadata.namespace)
      .find((c) => refersTo(c.spec?.infrastructureRef, 'KubevirtCluster', kvc.metadata.name));
  const clusterNamed = (ns: string | undefined, name: string) => clusters.get(ns, name);
  const live = (c: ClusterObj | undefined): c is ClusterObj => !!c && !isDeleting(c);

  function partsOf(cluster: ClusterObj): ClusterParts {
    const ns = cluster.metadata.namespace;
    const cp = cluster.spec?.controlPlaneRef;
    const infra = cluster.spec?.infrastructureRef;
    return {
      cluster,
      kcp: cp?.kind === 'KamajiControlPlane' ? kcps.get(ns, cp.name) : undefined,
      kvc: infra?.kind === 'KubevirtCluster' ? kvcs.get(ns, infra.name) : undefined,
      mds: mds.list(ns).filter((md) => md.spec.clusterName === cluster.metadata.name),
    };
  }
  const machinesOf = (md: MachineDeploymentObj) =>
    machines
      .list(md.metadata.namespace)
      .filter((m) => (m.metadata.ownerReferences ?? []).some((o) => o.uid === md.metadata.uid));

  const event = (res: Resource, obj: KObj, component: string, reason: string, message: string) =>
    w.events.record(res, obj, { reason, message, component });

  /** CAPI adds the Cluster as a (non-controller) owner of its parts, so they go with it. */
  function ownerPlan(res: Resource, obj: KObj, cluster: ClusterObj | undefined): Plan[] {
    if (!live(cluster) || ownedByCluster(obj, cluster)) return [];
    return [
      {
        id: `owner:${obj.metadata.uid}:${cluster.metadata.uid}`,
        track: 'owner',
        after: after.owner,
        run: () =>
          w.rest
            .mergePatch(pathOfObj(res, obj), {
              metadata: { ownerReferences: withClusterOwner(obj, cluster) },
            })
            .then(() => {}),
      },
    ];
  }

  // --- Cluster ---------------------------------------------------------------------------------
  const clusterRunner = runner(w, 'clusters', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const cluster = clusters.get(ns, name);
    if (!live(cluster)) return [];
    const parts = partsOf(cluster);
    const plans: Plan[] = [];
    const want = clusterStatus(parts, nowIso());
    if (clusterStatusDiffers(cluster, want)) {
      plans.push({
        id: `status:${digest({ ...want, conditions: want.conditions.map((c) => [c.type, c.status, c.message]) })}`,
        track: 'status',
        after: after.status,
        run: async () => {
          const phaseChanges = want.phase !== cluster.status?.phase;
          const { phase, ...rest } = want;
          await w.rest.mergePatch(pathOfObj(R.cluster, cluster, 'status'), {
            status: phaseChanges ? want : rest,
          });
          if (phaseChanges) event(R.cluster, cluster, CAPI, phase, `Cluster ${name} is ${phase}`);
        },
      });
    }
    const phase = nextPhase(cluster);
    if (phase) {
      plans.push({
        id: `phase:${cluster.metadata.uid}:${phase}`,
        track: 'phase',
        after: after.phase,
        run: async () => {
          await w.rest.mergePatch(pathOfObj(R.cluster, cluster, 'status'), { status: { phase } });
          event(R.cluster, cluster, CAPI, phase, `Cluster ${name} is ${phase}`);
        },
      });
    }
    const kcpEndpoint = parts.kcp?.spec.controlPlaneEndpoint;
    if (
      !endpointValid(cluster.spec?.controlPlaneEndpoint) &&
      kcpEndpoint &&
      endpointValid(kcpEndpoint)
    ) {
      plans.push({
        id: `endpoint:${cluster.metadata.uid}`,
        track: 'endpoint',
        after: after.endpoint,
        run: () =>
          w.rest
            .mergePatch(pathOfObj(R.cluster, cluster), {
              spec: { controlPlaneEndpoint: kcpEndpoint },
            })
            .then(() => {}),
      });
    }
    const endpoint = cluster.spec?.controlPlaneEndpoint;
    if (
      endpoint &&
      endpointValid(endpoint) &&
      cpInitialized(parts.kcp) &&
      !kubeconfigSecrets.get(ns, `${name}-kubeconfig`)
    ) {
      plans.push({
        id: `kubeconfig:${cluster.metadata.uid}`,
        track: 'kubeconfig',
        after: after.kubeconfig,
        run: async () => {
          const token = `${randomBytes(3).toString('hex')}.${randomBytes(8).toString('hex')}`;
          const secret = kubeconfigSecret(cluster, kubeconfigFor(name, endpoint, w.caPem, token));
          try {
            await w.rest.create(pathOf(R.secret, ns), secret);
          } catch (err) {
            if (!isStatus(err, 409)) throw err;
          }
        },
      });
    }
    return plans;
  });

  // --- KubevirtCluster (CAPK) ---------------------------------------------------------------------
  const kvcRunner = runner(w, 'kubevirtclusters', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const kvc = kvcs.get(ns, name);
    if (!kvc || isDeleting(kvc)) return [];
    const cluster = clusterOfKvc(kvc);
    const plans = ownerPlan(R.kubevirtCluster, kvc, cluster);
    if (live(cluster) && !infraProvisioned(kvc)) {
      plans.push({
        id: `ready:${kvc.metadata.uid}`,
        track: 'ready',
        after: after.infra,
        run: async () => {
          const now = nowIso();
          await w.rest.mergePatch(pathOfObj(R.kubevirtCluster, kvc, 'status'), {
            status: {
              ready: true,
              conditions: [
                { type: 'Ready', status: 'True', lastTransitionTime: now },
                { type: 'LoadBalancerAvailable', status: 'True', lastTransitionTime: now },
              ],
            },
          });
          event(
            R.kubevirtCluster,
            kvc,
            CAPK,
            'InfrastructureReady',
            `KubevirtCluster ${name} is ready`,
          );
        },
      });
    }
    return plans;
  });

  // --- KamajiControlPlane + TenantControlPlane ----------------------------------------------------
  const kcpRunner = runner(w, 'kamajicontrolplanes', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const kcp = kcps.get(ns, name);
    if (!kcp || isDeleting(kcp)) return [];
    const cluster = clusterOfKcp(kcp);
    const plans = ownerPlan(R.kamajiControlPlane, kcp, cluster);
    const parts = live(cluster) ? partsOf(cluster) : undefined;
    const tcp = tcps.available ? tcps.get(ns, name) : { metadata: { name } };
    const step = nextKcpStep(
      kcp,
      {
        clusterLive: live(cluster),
        infraReady: infraProvisioned(parts?.kvc),
        tcp,
        // Without the DataStore CRD (older dev clusters) Kamaji's check can't apply.
        dataStoreExists:
          !dataStores.available || !!dataStores.get(undefined, kcp.spec.dataStoreName ?? 'default'),
      },
      nowIso(),
    );
    if (!step || !cluster) return plans;
    plans.push({
      id: step.id,
      track: 'step',
      after: step.after,
      run: async () => {
        const endpoint = endpointFor(ns, cluster.metadata.name);
        if (step.createTcp && tcps.available) {
          try {
            await w.rest.create(
              pathOf(R.tenantControlPlane, ns),
              tcpFor(kcp, cluster.metadata.name),
            );
          } catch (err) {
            if (!isStatus(err, 409)) throw err;
          }
        }
        if (step.publishEndpoint) {
          await w.rest.mergePatch(pathOfObj(R.kamajiControlPlane, kcp), {
            spec: { controlPlaneEndpoint: endpoint },
          });
          if (parts?.kvc) {
            await w.rest.mergePatch(pathOfObj(R.kubevirtCluster, parts.kvc), {
              spec: { controlPlaneEndpoint: endpoint },
            });
          }
        }
        if (step.tcpVersion && tcps.available) {
          await w.rest
            .mergePatch(pathOf(R.tenantControlPlane, ns, name, 'status'), {
              status: {
                controlPlaneEndpoint: `${endpoint.host}:${endpoint.port}`,
                kubeconfig: {
                  admin: { secretName: `${name}-admin-kubeconfig`, lastUpdate: nowIso() },
                },
                storage: { dataStoreName: kcp.spec.dataStoreName ?? 'default', driver: 'etcd' },
                kubernetesResources: { version: step.tcpVersion },
              },
            })
            .catch((err: unknown) => {
              if (!isStatus(err, 404)) throw err;
            });
        }
        await w.rest.mergePatch(pathOfObj(R.kamajiControlPlane, kcp, 'status'), {
          status: step.status,
        });
        if (step.event)
          w.events.record(R.kamajiControlPlane, kcp, { ...step.event, component: KAMAJI });
      },
    });
    return plans;
  });

  // --- MachineDeployments ----------------------------------------------------------------------------
  const mdRunner = runner(w, 'machinedeployments', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const md = mds.get(ns, name);
    if (!md || isDeleting(md)) return [];
    const cluster = clusterNamed(ns, md.spec.clusterName);
    const plans = ownerPlan(R.machineDeployment, md, cluster);
    const ms = machinesOf(md);
    const want = mdStatus(md, ms, nowIso());
    if (mdStatusDiffers(md, want)) {
      plans.push({
        id: `status:${digest({ ...want, conditions: want.conditions.map((c) => [c.type, c.status, c.message]) })}`,
        track: 'status',
        after: mdDelays.status,
        run: () =>
          w.rest
            .mergePatch(pathOfObj(R.machineDeployment, md, 'status'), { status: want })
            .then(() => {}),
      });
    }
    const step = live(cluster) ? nextScaleStep(md, ms) : undefined;
    if (step?.kind === 'create') {
      plans.push({
        id: `create:${md.metadata.uid}:${ms.map((m) => m.metadata.name).join()}`,
        track: 'scale',
        after: mdDelays.create,
        run: async () => {
          const m = machineFor(md);
          await w.rest.create(pathOf(R.machine, ns), m);
          event(
            R.machineDeployment,
            md,
            CAPI,
            'SuccessfulCreate',
            `Created machine ${m.metadata.name}`,
          );
        },
      });
    } else if (step?.kind === 'delete') {
      plans.push({
        id: `delete:${md.metadata.uid}:${step.name}`,
        track: 'scale',
        after: mdDelays.delete,
        run: async () => {
          await w.rest.delete(pathOf(R.machine, ns, step.name));
          event(R.machineDeployment, md, CAPI, 'SuccessfulDelete', `Deleted machine ${step.name}`);
        },
      });
    }
    return plans;
  });

  // --- Machines --------------------------------------------------------------------------------------
  const machineRunner = runner(w, 'machines', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const m = machines.get(ns, name);
    if (!m) {
      reservedIp.delete(key);
      return [];
    }
    const cluster = clusterNamed(ns, m.spec.clusterName);
    const parts = live(cluster) ? partsOf(cluster) : undefined;
    const kubeletError = kubeletErrorOf(m);
    const step = nextMachineStep(
      m,
      {
        clusterLive: live(cluster),
        cpInitialized: cpInitialized(parts?.kcp),
        cniReady: cniReady(ns, m.spec.clusterName),
        ...(kubeletError ? { kubeletError } : {}),
        address: () =>
          reservedIp.get(key) ?? pickIp(m.metadata.uid ?? key, usedIps(key)) ?? '10.244.127.1',
      },
      nowIso(),
    );
    if (!step) return [];
    return [
      {
        id: step.id,
        after: step.after,
        run: async () => {
          const addr = (step.status.addresses as { address: string }[] | undefined)?.[0]?.address;
          if (addr) reservedIp.set(key, addr);
          await w.rest.mergePatch(pathOfObj(R.machine, m, 'status'), { status: step.status });
          if (step.event)
            w.events.record(R.machine, m, {
              ...step.event,
              // The kubelet's own refusal is reported by the kubelet, not by Cluster API.
              component: step.event.reason === 'KubeletFailed' ? 'kubelet' : CAPI,
            });
        },
      },
    ];
  });

  /** The kubelet's refusal of the machine's --node-labels, from its MachineDeployment's template. */
  function kubeletErrorOf(m: MachineObj): string | undefined {
    const ns = m.metadata.namespace;
    const mdName =
      m.metadata.ownerReferences?.find((o) => o.kind === 'MachineDeployment')?.name ??
      m.metadata.labels?.[DEPLOYMENT_NAME_LABEL];
    const md = mdName ? mds.get(ns, mdName) : undefined;
    const ref = md?.spec.template.spec.bootstrap.configRef;
    const kct = ref?.name ? kubeadmConfigTemplates.get(ns, ref.name) : undefined;
    const args = kct?.spec.template?.spec?.joinConfiguration?.nodeRegistration?.kubeletExtraArgs;
    const labels = args?.find((a) => a.name === 'node-labels')?.value;
    return labels ? nodeLabelsError(labels) : undefined;
  }

  /** A release installing a CNI chart into this cluster is Ready. */
  function cniReady(ns: string | undefined, cluster: string): boolean {
    return helmReleases
      .list(ns)
      .some(
        (hr) =>
          hr.spec.kubeConfig?.secretRef?.name === `${cluster}-kubeconfig` &&
          cniCharts.has(hr.spec.chart?.spec?.chart ?? '') &&
          isTrue(hr.status?.conditions, 'Ready'),
      );
  }

  // --- MachineHealthChecks ----------------------------------------------------------------------
  const mhcRunner = runner(w, 'machinehealthchecks', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const mhc = healthChecks.get(ns, name);
    if (!mhc || isDeleting(mhc)) return [];
    const ms = machines.list(ns);
    const want = mhcStatus(mhc, ms, nowIso());
    const plans: Plan[] = [];
    const s = mhc.status ?? {};
    if (
      s.expectedMachines !== want.expectedMachines ||
      s.currentHealthy !== want.currentHealthy ||
      s.remediationsAllowed !== want.remediationsAllowed ||
      JSON.stringify(s.targets ?? []) !== JSON.stringify(want.targets) ||
      !sameConditions(s.conditions, want.conditions)
    )
      plans.push({
        id: `status:${digest({ ...want, conditions: want.conditions.map((c) => [c.type, c.status, c.message]) })}`,
        track: 'status',
        after: after.status,
        run: () =>
          w.rest
            .mergePatch(pathOf(R.machineHealthCheck, ns, name, 'status'), { status: want })
            .then(() => {}),
      });
    for (const m of toRemediate(mhc, ms)) {
      const flagged = findCondition(m.status?.conditions, 'OwnerRemediated');
      plans.push({
        id: `remediate:${m.metadata.uid}:${flagged ? 'delete' : 'flag'}`,
        track: `remediate:${m.metadata.name}`,
        after: flagged ? mdDelays.delete : after.status,
        run: async () => {
          if (!flagged) {
            await w.rest.mergePatch(pathOfObj(R.machine, m, 'status'), {
              status: { conditions: flaggedConditions(m, nowIso()) },
            });
            event(
              R.machine,
              m,
              CAPI,
              'MachineMarkedUnhealthy',
              `Machine ${m.metadata.name} has been marked as unhealthy by MachineHealthCheck ${name}`,
            );
            return;
          }
          // The MachineSet (here: the MachineDeployment) remediates by deleting; scaling replaces it.
          await w.rest.delete(pathOfObj(R.machine, m));
          event(
            R.machine,
            m,
            CAPI,
            'MachineRemediated',
            `Deleted unhealthy machine ${m.metadata.name}`,
          );
        },
      });
    }
    return plans;
  });

  function usedIps(except: string): Set<string> {
    const used = new Set<string>();
    for (const m of machines.list()) {
      if (keyOf(m) === except) continue;
      for (const a of m.status?.addresses ?? []) if (a.type === 'InternalIP') used.add(a.address);
    }
    for (const v of vmis.list())
      for (const i of v.status?.interfaces ?? []) if (i.ipAddress) used.add(i.ipAddress);
    for (const [k, ip] of reservedIp) if (k !== except) used.add(ip);
    return used;
  }

  // --- wiring ----------------------------------------------------------------------------------------
  const machinesOfCluster = (ns: string | undefined, cluster: string | undefined) => {
    for (const m of machines.list(ns))
      if (m.spec.clusterName === cluster) machineRunner.enqueue(keyOf(m));
  };
  const touchCluster = (c: ClusterObj) => {
    clusterRunner.enqueue(keyOf(c));
    const p = partsOf(c);
    if (p.kcp) kcpRunner.enqueue(keyOf(p.kcp));
    if (p.kvc) kvcRunner.enqueue(keyOf(p.kvc));
    for (const md of p.mds) mdRunner.enqueue(keyOf(md));
    machinesOfCluster(c.metadata.namespace, c.metadata.name);
  };
  clusters.on((c) => touchCluster(c));
  kcps.on((kcp) => {
    kcpRunner.enqueue(keyOf(kcp));
    const c = clusterOfKcp(kcp);
    if (c) touchCluster(c);
  });
  tcps.on((tcp) => kcpRunner.enqueue(keyOf(tcp)));
  kvcs.on((kvc) => {
    kvcRunner.enqueue(keyOf(kvc));
    const c = clusterOfKvc(kvc);
    if (c) touchCluster(c);
  });
  mds.on((md) => {
    mdRunner.enqueue(keyOf(md));
    const c = clusterNamed(md.metadata.namespace, md.spec.clusterName);
    if (c) clusterRunner.enqueue(keyOf(c));
  });
  machines.on((m: MachineObj, _old, deleted) => {
    if (deleted) reservedIp.delete(keyOf(m));
    machineRunner.enqueue(keyOf(m));
    const mdName = m.metadata.labels?.[DEPLOYMENT_NAME_LABEL];
    if (mdName) mdRunner.enqueue(`${m.metadata.namespace}/${mdName}`);
    for (const o of m.metadata.ownerReferences ?? []) {
      if (o.kind === 'MachineDeployment') mdRunner.enqueue(`${m.metadata.namespace}/${o.name}`);
    }
  });
  kubeconfigSecrets.on((s) => {
    const c = s.metadata.labels?.[CLUSTER_NAME_LABEL];
    if (c) clusterRunner.enqueue(`${s.metadata.namespace}/${c}`);
  });
  // Nodes turn Ready with the CNI; a fixed bootstrap template lets the kubelet start.
  if (helmReleases.available)
    helmReleases.on((hr) =>
      machinesOfCluster(hr.metadata.namespace, hr.metadata.labels?.[CLUSTER_NAME_LABEL]),
    );
  if (healthChecks.available) {
    healthChecks.on((h) => mhcRunner.enqueue(keyOf(h)));
    machines.on((m: MachineObj) => {
      for (const h of healthChecks.list(m.metadata.namespace))
        if (h.spec.clusterName === m.spec.clusterName) mhcRunner.enqueue(keyOf(h));
    });
  }
  if (dataStores.available)
    dataStores.on(() => kcps.list().forEach((k) => kcpRunner.enqueue(keyOf(k))));
  if (kubeadmConfigTemplates.available)
    kubeadmConfigTemplates.on((t) =>
      machinesOfCluster(t.metadata.namespace, t.metadata.labels?.[CLUSTER_NAME_LABEL]),
    );
}
