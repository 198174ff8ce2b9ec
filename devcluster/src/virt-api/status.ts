// Kubernetes Status bodies built the way apimachinery's errors package builds them
// (NewConflict, NewNotFound, ...), with the qualified resources virt-api passes (v1.Resource(...)).

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { message: string }[];
  };
}

/** virt-api's v1.Resource("virtualmachine") etc.: singular resource, group kubevirt.io. */
export type KvResource = 'virtualmachine' | 'virtualmachineinstance';

const qualified = (r: KvResource) => `${r}.kubevirt.io`;

function failure(code: number, reason: string, message: string, details?: Status['details']) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    ...(details ? { details } : {}),
  } satisfies Status;
}

export const conflict = (r: KvResource, name: string, err: string): Status =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(r)} "${name}": ${err}`, {
    name,
    group: 'kubevirt.io',
    kind: r,
  });

export const notFound = (r: KvResource, name: string): Status =>
  failure(404, 'NotFound', `${qualified(r)} "${name}" not found`, {
    name,
    group: 'kubevirt.io',
    kind: r,
  });

export const forbidden = (r: KvResource, name: string, err: string): Status =>
  failure(403, 'Forbidden', `${qualified(r)} "${name}" is forbidden: ${err}`, {
    name,
    group: 'kubevirt.io',
    kind: r,
  });

export const badRequest = (message: string): Status => failure(400, 'BadRequest', message);

export const internal = (err: string): Status =>
  failure(500, 'InternalError', `Internal error occurred: ${err}`, { causes: [{ message: err }] });

export const isStatus = (v: unknown): v is Status =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'Status';
