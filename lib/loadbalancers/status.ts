// What a load balancer's list row and page show, read from its Service and MetalLB's events. Pure.
import type { MessageKey } from '../i18n/messages';
import { eventTime } from '../k8s/events';
import type { EventObject, ServiceObject } from '../k8s/objects';
import { backendKeyOf, sharingKeyName, type Holder } from './rules';
import type { PortInput } from './schema';
import { ANN, KUBEVIRT_VM_LABEL, legacyAnnotation, PROTOCOLS, type Protocol } from './types';
import { VM_LABEL } from '../vms/labels';

/** MetalLB's AllocationFailed texts (internal/allocator, controller/service.go) → sentences. */
const refusals: [RegExp, MessageKey][] = [
  [
    /address also in use|is already in use on|does not allow sharing/,
    'loadbalancers.validation.ipInUse',
  ],
  [/sharing key .* does not match/, 'loadbalancers.validation.ipInUse'],
  [/backend key .* does not match/, 'loadbalancers.validation.sharingPolicy'],
  [
    /is not allowed in config|is not compatible with requested address pool/,
    'loadbalancers.validation.ipOutsidePool',
  ],
  [/not compatible for ip assignment/, 'loadbalancers.validation.poolNotAllowed'],
  [/unknown pool/, 'loadbalancers.validation.unknownPool'],
  [/no available IPs|no suitable pool/, 'loadbalancers.validation.poolExhausted'],
  [/invalid .*loadBalancerIPs|invalid spec.loadBalancerIP/, 'loadbalancers.validation.ipFormat'],
];

export function allocationRefusal(message: string): MessageKey {
  return refusals.find(([re]) => re.test(message))?.[1] ?? 'loadbalancers.error.allocationFailed';
}

export type LbTarget = { kind: 'vm'; vm: string } | { kind: 'selector'; text: string };

export interface LbSummary {
  name: string;
  namespace: string;
  uid: string;
  createdAt?: string;
  ips: string[];
  state: 'assigned' | 'pending' | 'failed' | 'deleting';
  /** Why MetalLB gave no address (its latest AllocationFailed), as a sentence key. */
  reason?: MessageKey;
  /** The pool asked for, or the one MetalLB allocated from. */
  pool: string;
  /** The pool MetalLB allocated from (its metallb.io/ip-allocated-from-pool). */
  allocatedFrom?: string;
  ports: PortInput[];
  target: LbTarget;
  sharingKey: string;
  trafficPolicy: 'Cluster' | 'Local';
}

const annotation = (s: ServiceObject, key: string) =>
  s.metadata?.annotations?.[key] ?? s.metadata?.annotations?.[legacyAnnotation(key)];

export const ipsOf = (s: ServiceObject): string[] =>
  (s.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));

export function targetOf(s: ServiceObject): LbTarget {
  const sel = s.spec?.selector ?? {};
  const keys = Object.keys(sel);
  if (keys.length === 1) {
    const vm = sel[KUBEVIRT_VM_LABEL] ?? sel[VM_LABEL];
    if (vm) return { kind: 'vm', vm };
  }
  return {
    kind: 'selector',
    text: keys
      .sort()
      .map((k) => `${k}=${sel[k]}`)
      .join(', '),
  };
}

export function portsOf(s: ServiceObject): PortInput[] {
  return (s.spec?.ports ?? []).map((p) => ({
    protocol: (PROTOCOLS as readonly string[]).includes(p.protocol ?? 'TCP')
      ? ((p.protocol ?? 'TCP') as Protocol)
      : 'TCP',
    port: p.port,
    targetPort: typeof p.targetPort === 'number' ? p.targetPort : p.port,
  }));
}

export const isLoadBalancer = (s: ServiceObject) =>
  s.spec?.type === 'LoadBalancer' && !s.spec.loadBalancerClass;

/** The latest AllocationFailed about this Service, if it has no address since. */
function lastFailure(s: ServiceObject, events: EventObject[]): EventObject | undefined {
  const uid = s.metadata?.uid;
  return events
    .filter(
      (e) =>
        e.reason === 'AllocationFailed' &&
        (e.involvedObject?.uid
          ? e.involvedObject.uid === uid
          : e.involvedObject?.name === s.metadata?.name),
    )
    .sort((a, b) => eventTime(b).localeCompare(eventTime(a)))[0];
}

export function lbSummary(s: ServiceObject, events: EventObject[] = []): LbSummary {
  const ns = s.metadata?.namespace ?? '';
  const ips = ipsOf(s);
  const failure = ips.length ? undefined : lastFailure(s, events);
  return {
    name: s.metadata?.name ?? '',
    namespace: ns,
    uid: s.metadata?.uid ?? '',
    createdAt: s.metadata?.creationTimestamp,
    ips,
    state: s.metadata?.deletionTimestamp
      ? 'deleting'
      : ips.length
        ? 'assigned'
        : failure
          ? 'failed'
          : 'pending',
    reason: failure ? allocationRefusal(failure.message ?? '') : undefined,
    pool: annotation(s, ANN.pool) ?? annotation(s, ANN.allocatedFrom) ?? '',
    allocatedFrom: annotation(s, ANN.allocatedFrom),
    ports: portsOf(s),
    target: targetOf(s),
    sharingKey: sharingKeyName(ns, annotation(s, ANN.sharing)),
    trafficPolicy: s.spec?.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster',
  };
}

/** A Service as the sharing rules see it. */
export function holderOf(s: ServiceObject): Holder {
  return {
    name: s.metadata?.name ?? '',
    ips: ipsOf(s),
    sharingKey: annotation(s, ANN.sharing),
    ports: portsOf(s),
    backendKey: backendKeyOf(
      s.spec?.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster',
      s.spec?.selector ?? {},
    ),
  };
}

export const portsText = (ports: PortInput[]) =>
  ports
    .map((p) => `${p.port}${p.targetPort !== p.port ? `→${p.targetPort}` : ''}/${p.protocol}`)
    .join(', ');
