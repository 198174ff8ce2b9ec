// The one place that turns Kubernetes API failures into messages a person understands. Raw client or
// transport messages never leave the server; the browser gets a code, a sentence and field hints,
// rendered in the person's language from message keys.
import { english } from '../i18n/catalogs';
import { msg, type Msg, type Translate } from '../i18n/messages';
import { modelOfResource } from './models';

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

/** What went wrong, as message keys: made by the mapper and by server code, rendered per person. */
export interface Problem {
  code: UserErrorCode;
  status: number;
  message: Msg;
  /** Field path → problem, for forms. */
  fields?: Record<string, Msg>;
}

/** A Problem rendered into one language: what the browser receives. */
export interface UserError {
  code: UserErrorCode;
  status: number;
  message: string;
  fields?: Record<string, string>;
  /** Names the server log line, for failures an operator should look into. */
  requestId?: string;
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

/** A refusal decided by our own rules (versions, typed confirmations, preflight): already a Problem. */
/** For `.catch`: an object already gone (404) is nothing to report; anything else is rethrown. */
export function unlessNotFound(e: unknown): undefined {
  if (e instanceof KubeApiError && e.status === 404) return undefined;
  throw e;
}

export class Refusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.key);
    this.name = 'Refusal';
  }
}

export function invalid(message: Msg, fields?: Record<string, Msg>): Problem {
  return { code: 'invalid', status: 422, message, ...(fields ? { fields } : {}) };
}

export interface ErrorContext {
  /** What the person tried, as a message: "create clusters in this tenant", "delete web". */
  action?: Msg;
  /** Kind (or plural resource) of the object, for "…not found" messages. */
  kind?: string;
}

const sessionExpired: Problem = {
  code: 'unauthenticated',
  status: 401,
  message: msg('error.sessionExpired'),
};

export function problemOf(err: unknown, ctx: ErrorContext = {}): Problem {
  if (err instanceof Refusal) return err.problem;
  if (err instanceof UnauthenticatedError) return sessionExpired;
  if (err instanceof KubeTransportError) {
    return err.kind === 'timeout'
      ? { code: 'timeout', status: 504, message: msg('error.timeout') }
      : { code: 'unreachable', status: 502, message: msg('error.unreachable') };
  }
  if (!(err instanceof KubeApiError))
    return { code: 'serverError', status: 500, message: msg('error.internal') };
  const { status, body } = err;
  const kind = kindLabel(body.details?.kind ?? ctx.kind);
  const name = body.details?.name;
  const action = ctx.action ?? msg('action.default');
  switch (status) {
    case 401:
      return sessionExpired;
    case 403: {
      if (/exceeded quota/i.test(body.message ?? '')) {
        const q = quotaDetail(body.message);
        return {
          code: 'quotaExceeded',
          status,
          message: q ? msg('error.quotaDetail', q) : msg('error.quota'),
        };
      }
      return { code: 'forbidden', status, message: msg('error.forbidden', { action }) };
    }
    case 404:
      return {
        code: 'notFound',
        status,
        message: name
          ? msg('error.notFoundNamed', { kind, name })
          : msg('error.notFound', { kind }),
      };
    case 409:
      return body.reason === 'AlreadyExists'
        ? {
            code: 'alreadyExists',
            status,
            message: name
              ? msg('error.alreadyExistsNamed', { kind, name })
              : msg('error.alreadyExists', { kind }),
          }
        : { code: 'conflict', status, message: msg('error.conflict') };
    case 400:
    case 422: {
      // kube-apiserver says 422 when an admission policy it cannot yet evaluate (its parameters'
      // resource not yet known, as just after a restart) refuses: not the person's input.
      if (/failed to configure policy/i.test(body.message ?? ''))
        return { code: 'serverError', status: 503, message: msg('error.starting') };
      // The API server's own validation text is the most precise thing we can say; keep it.
      const fields = Object.fromEntries(
        (body.details?.causes ?? [])
          .filter((c) => c.field)
          .map((c) => [
            c.field ?? '',
            msg('error.cause', { detail: cleanCause(c.message ?? c.reason ?? 'invalid') }),
          ]),
      );
      const first = (body.details?.causes ?? []).find((c) => c.field);
      const detail = first
        ? `${first.field ?? ''}: ${cleanCause(first.message ?? first.reason ?? 'invalid')}`
        : cleanCause(body.message ?? 'invalid input');
      return {
        code: 'invalid',
        status: 422,
        message: msg('error.rejected', { kind, detail }),
        ...(Object.keys(fields).length ? { fields } : {}),
      };
    }
    case 429:
      return { code: 'tooManyRequests', status, message: msg('error.busy') };
    case 504:
      return { code: 'timeout', status, message: msg('error.timeout') };
    default:
      return {
        code: 'serverError',
        status: status >= 500 ? status : 500,
        message: msg('error.cluster'),
      };
  }
}

/** A Problem in one language. */
export function renderProblem(p: Problem, t: Translate = english): UserError {
  return {
    code: p.code,
    status: p.status,
    message: t(p.message),
    ...(p.fields
      ? { fields: Object.fromEntries(Object.entries(p.fields).map(([k, m]) => [k, t(m)])) }
      : {}),
  };
}

/** Maps and renders in one step (English unless a translator is given). */
export function toUserError(err: unknown, ctx: ErrorContext = {}, t?: Translate): UserError {
  return renderProblem(problemOf(err, ctx), t);
}

/** "virtualmachines.kubevirt.io" or "VirtualMachine" → the registry's label, lower case. */
function kindLabel(kind?: string): Msg | string {
  if (!kind) return msg('error.object');
  const base = kind.split('.')[0] ?? kind;
  const known = modelOfResource(base);
  if (known) return { key: known.label, lower: true };
  return base
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/s$/, '')
    .toLowerCase();
}

function quotaDetail(message = ''): { requested: string; used: string; limit: string } | undefined {
  const m =
    /exceeded quota: [^,]+, requested: ([^,]+(?:,[^,=]+=[^,]+)*), used: ([^,]+(?:,[^,=]+=[^,]+)*), limited: (.+)$/.exec(
      message,
    );
  return m ? { requested: m[1] ?? '', used: m[2] ?? '', limit: m[3] ?? '' } : undefined;
}

function cleanCause(text: string): string {
  return text
    .replace(/^Invalid value: "[^"]*": /, '')
    .replace(/\s+/g, ' ')
    .trim();
}
