// A load balancer is a Service of type LoadBalancer with MetalLB's annotations. Pure: the form's
// preview and the server build the same object.
import type { ServiceObject } from '../k8s/objects';
import { canonicalIp } from './addresses';
import { sharingKeyOf } from './rules';
import { type LoadBalancerInput, type PortInput } from './schema';
import { parseSelector } from './selector';
import { ANN, KUBEVIRT_VM_LABEL } from './types';

export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'stratus' } as const;

/** The pods behind it: a VM's virt-launcher pod by KubeVirt's own label, or the given labels. */
export function selectorOf(input: Pick<LoadBalancerInput, 'target' | 'vm' | 'selector'>) {
  if (input.target === 'vm') return { [KUBEVIRT_VM_LABEL]: input.vm };
  return parseSelector(input.selector) ?? {};
}

/** Kubernetes wants each port named once there are several; the name says what it is. */
export const servicePorts = (ports: PortInput[]) =>
  ports.map((p) => ({
    name: `${p.protocol.toLowerCase()}-${p.port}`,
    protocol: p.protocol,
    port: p.port,
    targetPort: p.targetPort,
  }));

export function buildLoadBalancer(input: LoadBalancerInput, namespace: string): ServiceObject {
  const ip = input.ip ? (canonicalIp(input.ip) ?? input.ip) : '';
  const key = sharingKeyOf(namespace, input.sharingKey);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: input.name,
      namespace,
      labels: { ...MANAGED_BY },
      annotations: {
        [ANN.pool]: input.pool,
        ...(ip ? { [ANN.ips]: ip } : {}),
        ...(key ? { [ANN.sharing]: key } : {}),
      },
    },
    spec: {
      type: 'LoadBalancer',
      selector: selectorOf(input),
      externalTrafficPolicy: input.externalTrafficPolicy,
      ports: servicePorts(input.ports),
    },
  };
}
