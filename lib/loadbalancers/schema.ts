// The load-balancer form: one schema for the browser and the server. Pure.
import { z } from 'zod';

import { wholeNumber } from '../forms/numbers';
import { parseIp } from './addresses';
import { parseSelector } from './selector';
import { PROTOCOLS } from './types';

const portNumber = wholeNumber((n) =>
  n
    .int('validation.wholeNumber')
    .min(1, 'loadbalancers.validation.portRange')
    .max(65535, 'loadbalancers.validation.portRange'),
);

export const portSchema = z.object({
  protocol: z.enum(PROTOCOLS).default('TCP'),
  port: portNumber,
  targetPort: portNumber,
});

/** At least one port; a protocol and port appear once (Kubernetes refuses duplicates too). */
export const portsSchema = z
  .array(portSchema)
  .min(1, 'loadbalancers.validation.noPorts')
  .max(20, 'loadbalancers.validation.maxPorts')
  .superRefine((ports, ctx) => {
    const seen = new Set<string>();
    for (const [i, p] of ports.entries()) {
      const key = `${p.protocol}/${p.port}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'port'],
          message: 'loadbalancers.validation.duplicatePort',
        });
      seen.add(key);
    }
  });

export const loadBalancerSchema = z
  .object({
    // A Service name is a DNS-1035 label: it starts with a letter.
    name: z
      .string()
      .trim()
      .min(1, 'validation.name.required')
      .max(40, 'validation.name.max')
      .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'loadbalancers.validation.nameFormat'),
    ports: portsSchema,
    target: z.enum(['vm', 'selector']).default('vm'),
    vm: z.string().trim().max(63).default(''),
    selector: z.string().trim().max(1024).default(''),
    pool: z.string().trim().min(1, 'loadbalancers.validation.pool').max(253),
    ip: z
      .string()
      .trim()
      .max(45)
      .default('')
      .refine((v) => !v || !!parseIp(v), 'loadbalancers.validation.ipFormat'),
    sharingKey: z
      .string()
      .trim()
      .max(40, 'validation.name.max')
      .default('')
      .refine((v) => !v || /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v), 'validation.name.format'),
    externalTrafficPolicy: z.enum(['Cluster', 'Local']).default('Cluster'),
  })
  .superRefine((v, ctx) => {
    if (v.target === 'vm' && !v.vm)
      ctx.addIssue({ code: 'custom', path: ['vm'], message: 'loadbalancers.validation.vm' });
    if (v.target === 'selector' && !parseSelector(v.selector))
      ctx.addIssue({
        code: 'custom',
        path: ['selector'],
        message: 'loadbalancers.validation.selector',
      });
  });

export type LoadBalancerInput = z.output<typeof loadBalancerSchema>;
export type LoadBalancerDraft = z.input<typeof loadBalancerSchema>;
export type PortInput = z.output<typeof portSchema>;
