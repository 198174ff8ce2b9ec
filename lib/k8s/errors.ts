// The one place that turns Kubernetes API failures into messages a person understands. Raw client or
// transport messages never leave the server; the browser gets a code, a sentence and field hints.
import { models } from './models';

export type UserErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'quotaExceeded'
  | 'notFound'
  | 'alreadyExists'
  | 'conflict'
  | 'invalid'
  | 'tooManyRequests'
  | 'timeout'
  | 'unreachable'
  | 'serverError';

export interface UserError {
  code: UserErrorCode;
  status: number;
  message: string;
  /** Field path → problem, for 422s. */
  fields?: Record<string, string>;
}

/** What the API server said, as parsed from its Status body. */
export interface StatusBody {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason?: string; message?: string; field?: string }[];
  };
}

/** A failed call to the API server (thrown by lib/k8s/client). */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StatusBody,
  ) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'KubeApiError';
  }
}

/** A transport-level failure: the API server could not be reached or did not answer in time. */
export class KubeTransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'unreachable',
    cause?: unknown,
  ) {
    super(kind, { cause });
    this.name = 'KubeTransportError';
  }
}

/** Nobody is signed in (or the session ended) — raised before any call to the API server. */
export class UnauthenticatedError extends Error {
  constructor() {
    super('unauthenticated');
    this.name = 'UnauthenticatedError';
  }
}

export interface ErrorContext {
  /** What the person tried, in words: "create the cluster", "delete web". */
  action?: string;
  /** Kind of the object, for "…not found" messages. */
  kind?: string;
}

const sessionExpired: UserError = {
  code: 'unauthenticated',
  status: 401,
  message: 'Your session has expired. Sign in again to continue.',
};

export function toUserError(err: unknown, ctx: ErrorContext = {}): UserError {
  if (err instanceof UnauthenticatedError) return sessionExpired;
  if (err instanceof KubeTransportError) {
    return err.kind === 'timeout'
      ? {
          code: 'timeout',
          status: 504,
          message: 'The cluster did not answer in time. Try again in a moment.',
        }
      : {
          code: 'unreachable',
          status: 502,
          message: 'The management cluster cannot be reached right now. Try again in a moment.',
        };
  }
  if (!(err instanceof KubeApiError)) {
    return {
      code: 'serverError',
      status: 500,
      message:
        'Something went wrong on our side. Try again; if it keeps happening, tell your operator.',
    };
  }
  const { status, body } = err;
  const kind = humanKind(body.details?.kind ?? ctx.kind);
  const name = body.details?.name;
  const action = ctx.action ?? 'do that';
  switch (status) {
    case 401:
      return sessionExpired;
    case 403:
      if (/exceeded quota/i.test(body.message ?? '')) {
        return {
          code: 'quotaExceeded',
          status,
          message: `This would exceed your tenant's quota${quotaDetail(body.message)}. Free up resources or ask your operator for more.`,
        };
      }
      return { code: 'forbidden', status, message: `You don't have permission to ${action}.` };
    case 404:
      return {
        code: 'notFound',
        status,
        message: `${name ? `${kind} "${name}"` : `That ${kind}`} no longer exists, or you can't see it.`,
      };
    case 409:
      return body.reason === 'AlreadyExists'
        ? {
            code: 'alreadyExists',
            status,
            message: `${kind}${name ? ` "${name}"` : ''} already exists. Pick another name.`,
          }
        : {
            code: 'conflict',
            status,
            message: 'Someone changed this at the same time. Reload it and try again.',
          };
    case 400:
    case 422: {
      const fields = Object.fromEntries(
        (body.details?.causes ?? [])
          .filter((c) => c.field)
          .map((c) => [c.field ?? '', cleanCause(c.message ?? c.reason ?? 'invalid')]),
      );
      const first = Object.entries(fields)[0];
      return {
        code: 'invalid',
        status: 422,
        message: `The cluster rejected this ${kind}: ${first ? `${first[0]}: ${first[1]}` : cleanCause(body.message ?? 'invalid input')}`,
        ...(Object.keys(fields).length ? { fields } : {}),
      };
    }
    case 429:
      return {
        code: 'tooManyRequests',
        status,
        message: 'The cluster is busy. Wait a few seconds and try again.',
      };
    case 504:
      return {
        code: 'timeout',
        status,
        message: 'The cluster did not answer in time. Try again in a moment.',
      };
    default:
      return {
        code: 'serverError',
        status: status >= 500 ? status : 500,
        message:
          'The cluster had a problem handling this. Try again; if it keeps happening, tell your operator.',
      };
  }
}

function humanKind(kind?: string): string {
  if (!kind) return 'object';
  // "virtualmachines.kubevirt.io" or "VirtualMachine" → "virtual machine"
  const base = kind.split('.')[0] ?? kind;
  // The API server names the resource ("virtualmachines"); the registry knows what people call it.
  const known = Object.values(models).find((m) => m.plural === base || m.kind === base);
  if (known) return known.label.toLowerCase();
  return base
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/s$/, '')
    .toLowerCase();
}

function quotaDetail(message = ''): string {
  const m =
    /exceeded quota: [^,]+, requested: ([^,]+(?:,[^,=]+=[^,]+)*), used: ([^,]+(?:,[^,=]+=[^,]+)*), limited: (.+)$/.exec(
      message,
    );
  return m ? ` (requested ${m[1]}, used ${m[2]}, limit ${m[3]})` : '';
}

function cleanCause(text: string): string {
  return text
    .replace(/^Invalid value: "[^"]*": /, '')
    .replace(/\s+/g, ' ')
    .trim();
}
