import 'server-only';

import { msg, type MessageKey } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { invalid, KubeApiError, Refusal, unlessNotFound, type Problem } from '../k8s/errors';
import { models } from '../k8s/models';
import type { EventObject, ServiceObject } from '../k8s/objects';
import { logInfo } from '../log';
import { buildLoadBalancer, MANAGED_BY, selectorOf, servicePorts } from './build';
import { METALLB_NAMESPACE } from './live';
import { lbProblems, sharingProblem, type LbContext, type RuleProblem } from './rules';
import type { LoadBalancerInput, PortInput } from './schema';
import { allocationRefusal, holderOf, isLoadBalancer } from './status';
import type { IpPoolObject } from './types';

/** What the rules need, read as the person: the pools, its namespace, its Services and VMs. */
export async function loadBalancerContext(
  kube: KubeClient,
  namespace: string,
  except?: string,
): Promise<LbContext> {
  const [pools, ns, services, vms] = await Promise.all([
    kube.list(models.ipaddresspools, { namespace: METALLB_NAMESPACE }),
    kube.get(models.namespaces, undefined, namespace),
    kube.list(models.services, { namespace }),
    kube.list(models.virtualmachines, { namespace }),
  ]);
  return {
    namespace: { name: namespace, labels: ns.metadata?.labels ?? {} },
    pools: pools.items as IpPoolObject[],
    holders: services.items
      .filter((s) => isLoadBalancer(s) && s.metadata?.name !== except)
      .map(holderOf),
    vms: vms.items.map((v) => v.metadata?.name ?? ''),
  };
}

const refusalOf = (problems: RuleProblem[]): Problem | undefined => {
  const [first] = problems;
  if (!first) return undefined;
  return invalid(msg(first.key), Object.fromEntries(problems.map((p) => [p.path, msg(p.key)])));
};

export async function loadBalancerPreflight(
  kube: KubeClient,
  namespace: string,
  input: LoadBalancerInput,
): Promise<Problem | undefined> {
  const ctx = await loadBalancerContext(kube, namespace);
  return refusalOf(lbProblems(input, ctx, selectorOf(input), { ...MANAGED_BY }));
}

type Verdict = { ok: true } | { ok: false; message: string } | { ok: undefined };

/**
 * MetalLB's answer about a new Service: its IPAllocated or AllocationFailed event (the controller
 * writes one or the other as soon as it sees the Service). Watched as the person, from the
 * Service's own resourceVersion; undefined when no answer comes in time (controller down).
 */
export function metallbVerdict(
  kube: KubeClient,
  svc: ServiceObject,
  timeoutMs: number,
): Promise<Verdict> {
  const ns = svc.metadata?.namespace ?? '';
  const uid = svc.metadata?.uid;
  return new Promise((resolve) => {
    let stop: (() => void) | undefined;
    let done = false;
    const finish = (v: Verdict) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop?.();
      resolve(v);
    };
    const timer = setTimeout(() => finish({ ok: undefined }), timeoutMs);
    kube
      .watch(
        models.events,
        {
          namespace: ns,
          fieldSelector: `involvedObject.kind=Service,involvedObject.name=${svc.metadata?.name ?? ''}`,
          resourceVersion: svc.metadata?.resourceVersion ?? '0',
          timeoutSeconds: Math.ceil(timeoutMs / 1000) + 1,
        },
        (ev) => {
          const e = ev.object as EventObject;
          if (e.involvedObject?.uid && e.involvedObject.uid !== uid) return;
          if (e.reason === 'IPAllocated') finish({ ok: true });
          else if (e.reason === 'AllocationFailed') finish({ ok: false, message: e.message ?? '' });
        },
        () => finish({ ok: undefined }),
      )
      .then((s) => {
        stop = s;
        if (done) s();
      })
      .catch(() => finish({ ok: undefined }));
  });
}

/** Which form field a MetalLB refusal belongs to (the address, unless named here). */
const fieldOf: Partial<Record<MessageKey, string>> = {
  'loadbalancers.validation.poolNotAllowed': 'pool',
  'loadbalancers.validation.poolExhausted': 'pool',
  'loadbalancers.validation.unknownPool': 'pool',
  'loadbalancers.validation.sharingPolicy': 'externalTrafficPolicy',
};

/** How long a create waits for MetalLB before saying "created, address pending". */
const VERDICT_MS = 8_000;

/**
 * Creates the Service and waits for MetalLB. When MetalLB refuses it (an address another tenant
 * holds, the pool ran out meanwhile) the Service is deleted again and the refusal is the answer:
 * nothing stays behind. Returns whether an address was assigned.
 */
export async function createLoadBalancer(
  kube: KubeClient,
  namespace: string,
  input: LoadBalancerInput,
): Promise<{ assigned: boolean | undefined }> {
  const created = await kube.create(models.services, buildLoadBalancer(input, namespace));
  const verdict = await metallbVerdict(kube, created, VERDICT_MS);
  if (verdict.ok === false) {
    logInfo('loadbalancer.refused', { namespace, name: input.name, metallb: verdict.message });
    await kube
      .delete(models.services, namespace, input.name, { uid: created.metadata?.uid })
      .catch(unlessNotFound);
    const key: MessageKey = allocationRefusal(verdict.message);
    throw new Refusal(invalid(msg(key), { [fieldOf[key] ?? 'ip']: msg(key) }));
  }
  return { assigned: verdict.ok };
}

/** New ports for an existing load balancer; a shared address must stay shareable. */
export async function setLoadBalancerPorts(
  kube: KubeClient,
  namespace: string,
  name: string,
  ports: PortInput[],
): Promise<void> {
  const [svc, ctx] = await Promise.all([
    kube.get(models.services, namespace, name),
    loadBalancerContext(kube, namespace, name),
  ]);
  if (!isLoadBalancer(svc))
    throw new Refusal({ code: 'notFound', status: 404, message: msg('loadbalancers.gone') });
  const me = { ...holderOf(svc), ports };
  const peers = ctx.holders.filter((h) => h.ips.some((ip) => me.ips.includes(ip)));
  const p = sharingProblem(me, peers);
  if (p) throw new Refusal(invalid(msg(p.key), { ports: msg(p.key) }));
  try {
    await kube.patch(
      models.services,
      namespace,
      name,
      [
        { op: 'test', path: '/metadata/resourceVersion', value: svc.metadata?.resourceVersion },
        { op: 'replace', path: '/spec/ports', value: servicePorts(ports) },
      ],
      'json',
    );
  } catch (e) {
    // Someone changed it meanwhile: say so rather than overwrite their change.
    if (e instanceof KubeApiError && e.status === 422 && /test/i.test(e.body.message ?? ''))
      throw new Refusal({ code: 'conflict', status: 409, message: msg('error.conflict') });
    throw e;
  }
}

export async function deleteLoadBalancer(kube: KubeClient, namespace: string, name: string) {
  const svc = await kube.get(models.services, namespace, name);
  if (!isLoadBalancer(svc))
    throw new Refusal({ code: 'notFound', status: 404, message: msg('loadbalancers.gone') });
  await kube.delete(models.services, namespace, name, { uid: svc.metadata?.uid });
}
