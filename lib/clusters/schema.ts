// The create-cluster form: one schema for the browser and the server. Pure.
import { z } from 'zod';

import { wholeNumber } from '../forms/numbers';
import {
  isLabelKey,
  isLabelValue,
  kubeletRefusesLabel,
  parseLabels,
  parseRoles,
  parseTaints,
} from './node-registration';

/** Names become object names with suffixes (-md-workers, -kubeconfig), so keep room under 63. */
export const dnsLabel = z
  .string()
  .trim()
  .min(1, 'validation.name.required')
  .max(40, 'validation.name.max')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'validation.name.format');

const cidr = z
  .string()
  .trim()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/, 'validation.cidr.format')
  .refine((v) => {
    const [ip = '', bits = ''] = v.split('/');
    return ip.split('.').every((o) => Number(o) <= 255) && Number(bits) >= 8 && Number(bits) <= 28;
  }, 'validation.cidr.range');

export const nodeGroupSchema = z
  .object({
    name: dnsLabel.max(20, 'validation.name.max'),
    autoscale: z.boolean().default(false),
    replicas: wholeNumber((n) =>
      n
        .int('validation.wholeNumber')
        .min(0, 'validation.atLeast')
        .max(50, 'clusters.validation.maxNodes'),
    ),
    minReplicas: wholeNumber((n) =>
      n
        .int('validation.wholeNumber')
        .min(0, 'validation.atLeast')
        .max(50, 'clusters.validation.maxNodes'),
    ).default(1),
    maxReplicas: wholeNumber((n) =>
      n
        .int('validation.wholeNumber')
        .min(1, 'validation.atLeast')
        .max(50, 'clusters.validation.maxNodes'),
    ).default(3),
    cpu: wholeNumber((n) =>
      n
        .int('clusters.validation.wholeCores')
        .min(1, 'clusters.validation.minCores')
        .max(64, 'clusters.validation.maxCores'),
    ),
    memoryGi: wholeNumber((n) =>
      n.int('validation.wholeNumber').min(1, 'validation.minGi').max(512, 'validation.maxGi'),
    ),
    diskGi: wholeNumber((n) =>
      n.int('validation.wholeNumber').min(10, 'validation.minGi').max(2048, 'validation.maxGi'),
    ),
    storageClass: z.string().min(1, 'validation.storageClass'),
    /** A VirtualMachineClusterInstancetype name, or '' for the CPU and memory above. */
    instancetype: z.string().trim().max(63).default(''),
    /** Comma-separated roles; each becomes node-role.kubernetes.io/<role> on the nodes. */
    roles: z
      .string()
      .default('worker')
      .refine((t) => parseRoles(t).length > 0, 'clusters.validation.rolesRequired')
      .refine(
        (t) => parseRoles(t).every((r) => /^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/.test(r)),
        'clusters.validation.roleFormat',
      ),
    /** Extra node labels, "key=value, …", passed to the kubelet. */
    labels: z
      .string()
      .default('')
      .refine((t) => parseLabels(t) !== undefined, 'clusters.validation.labelsFormat')
      .refine(
        (t) => (parseLabels(t) ?? []).every(([k, v]) => isLabelKey(k) && isLabelValue(v)),
        'clusters.validation.labelInvalid',
      )
      .refine(
        (t) => !(parseLabels(t) ?? []).some(([k]) => kubeletRefusesLabel(k)),
        'clusters.validation.labelReserved',
      ),
    /** Taints in kubectl syntax, "key=value:NoSchedule, …". */
    taints: z
      .string()
      .default('')
      .refine((t) => parseTaints(t) !== undefined, 'clusters.validation.taintFormat')
      .refine(
        (t) =>
          (parseTaints(t) ?? []).every(
            (x) => isLabelKey(x.key) && (x.value === undefined || isLabelValue(x.value)),
          ),
        'clusters.validation.taintInvalid',
      ),
  })
  .refine((g) => !g.autoscale || g.minReplicas <= g.maxReplicas, {
    message: 'clusters.validation.minMax',
    path: ['maxReplicas'],
  });

export const createClusterSchema = z
  .object({
    name: dnsLabel,
    version: z.string().min(1, 'clusters.validation.version'),
    controlPlaneReplicas: wholeNumber((n) =>
      n
        .int('validation.wholeNumber')
        .min(1, 'clusters.validation.minReplicas')
        .max(5, 'clusters.validation.maxReplicas'),
    ),
    nodeGroups: z
      .array(nodeGroupSchema)
      .min(1, 'clusters.validation.groupsMin')
      .max(10, 'clusters.validation.groupsMax'),
    podCidr: cidr.default('10.243.0.0/16'),
    serviceCidr: cidr.default('10.95.0.0/16'),
    /** Optional add-ons from the operator's catalog (the required ones are always installed). */
    addons: z.array(z.string().max(20)).max(20).default([]),
    /** Configure the cluster's API server for the platform's OIDC issuer (personal kubeconfigs). */
    personalAccess: z.boolean().default(false),
    /** A control-plane resource preset of the platform ('' = the platform's default). */
    controlPlanePreset: z.string().max(40).default(''),
  })
  .refine((c) => new Set(c.nodeGroups.map((g) => g.name)).size === c.nodeGroups.length, {
    message: 'clusters.validation.uniqueGroups',
    path: ['nodeGroups'],
  })
  .refine((c) => !cidrsOverlap(c.podCidr, c.serviceCidr), {
    message: 'clusters.validation.cidrOverlap',
    path: ['serviceCidr'],
  });

export type CreateClusterInput = z.infer<typeof createClusterSchema>;
export type NodeGroupInput = z.infer<typeof nodeGroupSchema>;

function toRange(c: string): [number, number] {
  const [ip = '', bits = '32'] = c.split('/');
  const n = ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  const start = n - (n % size);
  return [start, start + size - 1];
}

export function cidrsOverlap(a: string, b: string): boolean {
  const [a0, a1] = toRange(a);
  const [b0, b1] = toRange(b);
  return a0 <= b1 && b0 <= a1;
}
