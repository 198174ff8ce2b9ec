import 'server-only';

// Node actions as the signed-in operator: cordon, drain through the Eviction API, a manual fence,
// pausing a NodeHealthCheck. RBAC decides each call; every one is recorded as an Event naming the
// person, written by the dashboard's own identity so nobody can forge one.
import { msg, type Msg } from '../i18n/messages';
import { replicasOnNode, type NodeReplica } from '../linstor/server';
import { recordAudit } from '../k8s/audit';
import type { KubeClient } from '../k8s/client';
import { KubeApiError, Refusal } from '../k8s/errors';
import { models, resourcePath } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import { refusalOf, skipReason, type DrainResult } from './drain';
import { remediationState } from './status';

/** Nodes are cluster-scoped: their records go to "default" (lib/k8s/audit.ts). */
const nodeRef = (node: KubeObject): KubeObject => ({ ...node, apiVersion: 'v1', kind: 'Node' });

export async function cordonNode(
  kube: KubeClient,
  name: string,
  cordon: boolean,
  who: string,
): Promise<void> {
  const node = await kube.patch(models.nodes, undefined, name, {
    spec: { unschedulable: cordon ? true : null },
  });
  await recordAudit(nodeRef(node), {
    reason: cordon ? 'NodeCordoned' : 'NodeUncordoned',
    message: `Node ${name} ${cordon ? 'cordoned' : 'uncordoned'} by ${who}`,
  });
}

/** Cordons the node, then evicts its pods one by one; a PodDisruptionBudget's refusal is kept, not fatal. */
export async function drainNode(kube: KubeClient, name: string, who: string): Promise<DrainResult> {
  const node = await kube.patch(models.nodes, undefined, name, { spec: { unschedulable: true } });
  const pods = await kube.list(models.pods, { fieldSelector: `spec.nodeName=${name}` });
  const result: DrainResult = { node: name, evicted: [], refused: [], skipped: [] };
  await Promise.all(
    pods.items.map(async (pod) => {
      const ref = { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '' };
      const skip = skipReason(pod);
      if (skip) {
        result.skipped.push({ ...ref, reason: skip });
        return;
      }
      try {
        await kube.request(
          'POST',
          `${resourcePath(models.pods, ref.namespace, ref.name)}/eviction`,
          {
            body: {
              apiVersion: 'policy/v1',
              kind: 'Eviction',
              metadata: { name: ref.name, namespace: ref.namespace },
            },
          },
        );
        result.evicted.push(ref);
      } catch (e) {
        if (e instanceof KubeApiError && e.status === 404) return; // gone already
        if (e instanceof KubeApiError && e.status === 429) {
          result.refused.push({ ...ref, ...refusalOf(e.body) });
          return;
        }
        throw e;
      }
    }),
  );
  const byName = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) =>
    a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
  result.evicted.sort(byName);
  result.refused.sort(byName);
  result.skipped.sort(byName);
  await recordAudit(nodeRef(node), {
    reason: 'NodeDrained',
    message:
      `Node ${name} drained by ${who}: ${result.evicted.length} evicted, ${result.refused.length} refused` +
      (result.refused.length
        ? ` (${result.refused.map((r) => `${r.namespace}/${r.name}${r.pdb ? ` by ${r.pdb}` : ''}`).join(', ')})`
        : ''),
    type: result.refused.length ? 'Warning' : 'Normal',
  });
  return result;
}

/**
 * A FenceAgentsRemediation from the template, as the node-healthcheck controller would create it
 * (named after the node, in the template's namespace, annotated with node and template), but
 * without its owner and label: started by hand.
 */
export async function fenceNode(
  kube: KubeClient,
  name: string,
  template: { namespace: string; name: string },
  who: string,
): Promise<void> {
  const node = await kube.get(models.nodes, undefined, name);
  const existing = await kube
    .get(models.fenceagentsremediations, template.namespace, name)
    .catch((e: unknown) => {
      if (e instanceof KubeApiError && e.status === 404) return undefined;
      throw e;
    });
  if (existing && remediationState(existing) === 'InProgress')
    throw new Refusal({
      code: 'conflict',
      status: 409,
      message: msg('nodes.error.fenceRunning', { name }),
    });
  const tpl = await kube
    .get(models.fenceagentsremediationtemplates, template.namespace, template.name)
    .catch((e: unknown) => {
      if (e instanceof KubeApiError && e.status === 404)
        throw new Refusal({
          code: 'notFound',
          status: 404,
          message: msg('nodes.error.noTemplate', { name: template.name }),
        });
      throw e;
    });
  if (existing)
    await kube.delete(models.fenceagentsremediations, template.namespace, name, {
      uid: existing.metadata?.uid,
    });
  await kube.create(models.fenceagentsremediations, {
    apiVersion: 'fence-agents-remediation.medik8s.io/v1alpha1',
    kind: 'FenceAgentsRemediation',
    metadata: {
      name,
      namespace: template.namespace,
      annotations: {
        'remediation.medik8s.io/node-name': name,
        'remediation.medik8s.io/template-name': template.name,
        'stratus.dev/started-by': who,
      },
    },
    spec: tpl.spec?.template?.spec ?? {},
  });
  await recordAudit(nodeRef(node), {
    reason: 'ManualFenceStarted',
    message: `Fencing of node ${name} (template ${template.namespace}/${template.name}) started by ${who}`,
    type: 'Warning',
  });
}

/** Pause adds a request naming the person; resume clears them all (the dialog lists them). */
export async function pauseHealthCheck(
  kube: KubeClient,
  name: string,
  pause: boolean,
  who: string,
): Promise<void> {
  const nhc = await kube.get(models.nodehealthchecks, undefined, name);
  const spec = (nhc.spec ?? {}) as { pauseRequests?: string[] };
  const requests = pause
    ? [...(spec.pauseRequests ?? []).filter((r) => r !== `paused by ${who}`), `paused by ${who}`]
    : [];
  // A JSON patch with a test on resourceVersion: two operators at once don't drop each other's request.
  const updated = await kube.patch(
    models.nodehealthchecks,
    undefined,
    name,
    [
      { op: 'test', path: '/metadata/resourceVersion', value: nhc.metadata?.resourceVersion },
      { op: 'add', path: '/spec/pauseRequests', value: requests },
    ],
    'json',
  );
  await recordAudit(
    { ...updated, apiVersion: 'remediation.medik8s.io/v1alpha1', kind: 'NodeHealthCheck' },
    {
      reason: pause ? 'NodeHealthCheckPaused' : 'NodeHealthCheckResumed',
      message: `NodeHealthCheck ${name} ${pause ? 'paused' : 'resumed'} by ${who}`,
    },
  );
}

export interface NodeReplicaRow extends NodeReplica {
  /** The claim the replica belongs to (`namespace/name`), when its PV names one. */
  claim?: { namespace: string; name: string };
}

/**
 * The LINSTOR replicas a node holds, with the tenant claim each belongs to. LINSTOR is read as the
 * dashboard, so the node is first read as the person: only who may see the node sees its replicas.
 */
export async function nodeReplicas(
  kube: KubeClient,
  name: string,
): Promise<{ ok: true; rows: NodeReplicaRow[] } | { ok: false; reason: Msg }> {
  await kube.get(models.nodes, undefined, name);
  const [replicas, pvs] = await Promise.all([
    replicasOnNode(name),
    kube.list(models.persistentvolumes),
  ]);
  if (!replicas.ok) return { ok: false, reason: replicas.reason };
  const claims = new Map(
    pvs.items.map((pv) => [pv.metadata?.name ?? '', pv.spec?.claimRef] as const),
  );
  return {
    ok: true,
    rows: replicas.value.map((r) => {
      const ref = claims.get(r.resource);
      return ref?.namespace && ref.name
        ? { ...r, claim: { namespace: ref.namespace, name: ref.name } }
        : r;
    }),
  };
}
