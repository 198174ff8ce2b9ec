// The create-cluster form: one schema for the browser and the server. Pure.
import { z } from 'zod';

/** Names become object names with suffixes (-md-workers, -kubeconfig), so keep room under 63. */
export const dnsLabel = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(40, 'Use at most 40 characters.')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'Use lowercase letters, digits and dashes; start and end with a letter or digit.',
  );

const cidr = z
  .string()
  .trim()
  .regex(
    /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/,
    'Enter an IPv4 CIDR such as 10.243.0.0/16.',
  )
  .refine((v) => {
    const [ip = '', bits = ''] = v.split('/');
    return ip.split('.').every((o) => Number(o) <= 255) && Number(bits) >= 8 && Number(bits) <= 28;
  }, 'Use octets up to 255 and a prefix between /8 and /28.');

export const nodeGroupSchema = z
  .object({
    name: dnsLabel.max(20, 'Use at most 20 characters.'),
    autoscale: z.boolean().default(false),
    replicas: z.coerce
      .number()
      .int('Whole numbers only.')
      .min(0, 'At least 0.')
      .max(50, 'At most 50 nodes per group.'),
    minReplicas: z.coerce.number().int().min(0).max(50).default(1),
    maxReplicas: z.coerce.number().int().min(1).max(50).default(3),
    cpu: z.coerce
      .number()
      .int('Whole cores only.')
      .min(1, 'At least 1 core.')
      .max(64, 'At most 64 cores.'),
    memoryGi: z.coerce.number().int().min(1, 'At least 1 GiB.').max(512, 'At most 512 GiB.'),
    diskGi: z.coerce.number().int().min(10, 'At least 10 GiB.').max(2048, 'At most 2048 GiB.'),
    storageClass: z.string().min(1, 'Pick a storage class.'),
  })
  .refine((g) => !g.autoscale || g.minReplicas <= g.maxReplicas, {
    message: 'Minimum must not exceed maximum.',
    path: ['maxReplicas'],
  });

export const createClusterSchema = z
  .object({
    name: dnsLabel,
    version: z.string().min(1, 'Pick a Kubernetes version.'),
    controlPlaneReplicas: z.coerce
      .number()
      .int()
      .min(1, 'At least 1 replica.')
      .max(5, 'At most 5 replicas.'),
    nodeGroups: z
      .array(nodeGroupSchema)
      .min(1, 'Add at least one node group.')
      .max(10, 'At most 10 node groups.'),
    podCidr: cidr.default('10.243.0.0/16'),
    serviceCidr: cidr.default('10.95.0.0/16'),
  })
  .refine((c) => new Set(c.nodeGroups.map((g) => g.name)).size === c.nodeGroups.length, {
    message: 'Node group names must be unique.',
    path: ['nodeGroups'],
  })
  .refine((c) => !cidrsOverlap(c.podCidr, c.serviceCidr), {
    message: 'Pod and service ranges must not overlap.',
    path: ['serviceCidr'],
  });

export type CreateClusterInput = z.infer<typeof createClusterSchema>;
export type CreateClusterForm = z.input<typeof createClusterSchema>;
export type NodeGroupInput = z.infer<typeof nodeGroupSchema>;

export const defaultNodeGroup: NodeGroupInput = {
  name: 'workers',
  autoscale: false,
  replicas: 2,
  minReplicas: 1,
  maxReplicas: 3,
  cpu: 2,
  memoryGi: 4,
  diskGi: 20,
  storageClass: 'replicated',
};

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

/** Field path → first message, for forms. */
export function fieldErrors(err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.join('.');
    out[key] ??= issue.message;
  }
  return out;
}
