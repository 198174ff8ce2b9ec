import 'server-only';

import { randomUUID } from 'node:crypto';

import { msg } from '../i18n/messages';
import type { KubeClient } from './client';
import {
  KubeApiError,
  problemOf,
  Refusal,
  unlessNotFound,
  type ErrorContext,
  type Problem,
} from './errors';
import { logError } from '../log';
import { modelOfKind, type ResourceModel } from './models';
import { outcomeUnknown, retryTransient } from './retry';
import type { KubeObject } from './types';

/** One object of a set, as a preview line and a delete target. */
export interface ObjectRef {
  kind: string;
  apiVersion?: string;
  namespace?: string;
  name: string;
}

/** A multi-object write failed at `failedObject` ("Kind name"); nothing it created is left. */
export class WriteSetError extends Refusal {
  constructor(
    problem: Problem,
    readonly failedObject: string,
  ) {
    super(problem);
    this.name = 'WriteSetError';
  }
}

/** An owner reference to a created object, so garbage collection takes its parts with it. */
export function ownerReference(owner: KubeObject): {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
} {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
  };
}

const label = (o: KubeObject) => `${o.kind ?? ''} ${o.metadata?.name ?? ''}`;
const modelOf = (o: KubeObject): ResourceModel => modelOfKind(o.kind, o.apiVersion);

function failure(err: unknown, o: KubeObject): WriteSetError {
  const m = modelOf(o);
  const ctx: ErrorContext = {
    action: msg('action.create', { kinds: { key: m.labelPlural, lower: true } }),
    kind: o.kind,
  };
  return new WriteSetError(problemOf(err, ctx), label(o));
}

/** Marks the owner with the write that made it, so a create whose answer was lost can be undone. */
export const WRITE_SET_ANNOTATION = 'stratus.dev/write-set';

/** How long a rollback keeps asking an API server that dropped out mid-write. */
export const ROLLBACK_BUDGET_MS = 20_000;

/**
 * Creates a set of objects all or nothing, as the caller's identity: a server-side dry run of each
 * first; then the first object (the owner), so a taken name stops everything before anything is
 * written; then the rest, owned by it. If any create fails, exactly what this call created is
 * deleted again (uid preconditions) and the failure names the object. The rollback outlasts an API
 * server that drops out for a few seconds (retries with backoff), and a part whose answer was lost
 * goes with its owner (garbage collection).
 */
export async function createSet(kube: KubeClient, objects: KubeObject[]): Promise<KubeObject[]> {
  const [first, ...rest] = objects;
  if (!first) return [];
  const ownerObj: KubeObject = {
    ...first,
    metadata: {
      ...first.metadata,
      annotations: { ...first.metadata?.annotations, [WRITE_SET_ANNOTATION]: randomUUID() },
    },
  };
  // Objects inside a namespace this set creates can't be dry-run before it exists; they are
  // checked by their real create, and a refusal there rolls the namespace back with them.
  const inNewNamespace = (o: KubeObject) =>
    first.kind === 'Namespace' && o !== first && o.metadata?.namespace === first.metadata?.name;
  await Promise.all(
    [ownerObj, ...rest]
      .filter((o) => !inNewNamespace(o))
      .map((o) =>
        kube.create(modelOf(o), o, { dryRun: true }).catch((e: unknown) => {
          throw failure(e, o);
        }),
      ),
  );
  const created: KubeObject[] = [];
  let ownerUnknown = false;
  try {
    const owner = await kube.create(modelOf(ownerObj), ownerObj).catch((e: unknown) => {
      ownerUnknown = outcomeUnknown(e);
      throw failure(e, ownerObj);
    });
    created.push(owner);
    const ref = ownerReference({ ...ownerObj, ...owner });
    const results = await Promise.allSettled(
      rest.map((o) =>
        kube
          .create(modelOf(o), { ...o, metadata: { ...o.metadata, ownerReferences: [ref] } })
          .catch((e: unknown) => {
            throw failure(e, o);
          }),
      ),
    );
    for (const r of results) if (r.status === 'fulfilled') created.push(r.value);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return created;
  } catch (err) {
    const deadline = Date.now() + ROLLBACK_BUDGET_MS;
    if (ownerUnknown) created.push(...(await ownerIfMade(kube, ownerObj, deadline)));
    await rollback(kube, created, deadline);
    throw err;
  }
}

/** The owner, if its create went through although its answer was lost (it carries our mark). */
async function ownerIfMade(
  kube: KubeClient,
  o: KubeObject,
  deadline: number,
): Promise<KubeObject[]> {
  const mark = o.metadata?.annotations?.[WRITE_SET_ANNOTATION];
  try {
    const found = await retryTransient(
      () => kube.get(modelOf(o), o.metadata?.namespace, o.metadata?.name ?? ''),
      deadline,
    );
    return found.metadata?.annotations?.[WRITE_SET_ANNOTATION] === mark ? [found] : [];
  } catch (e) {
    if (!(e instanceof KubeApiError && e.status === 404))
      logError('rollback failed', e, { object: label(o) });
    return [];
  }
}

/** Deletes exactly the objects a write created (uid preconditions), newest first. */
async function rollback(kube: KubeClient, created: KubeObject[], deadline: number): Promise<void> {
  for (const o of [...created].reverse()) {
    await retryTransient(
      () =>
        kube.delete(modelOf(o), o.metadata?.namespace, o.metadata?.name ?? '', {
          uid: o.metadata?.uid,
        }),
      deadline,
    ).catch((e: unknown) => {
      if (!(e instanceof KubeApiError && e.status === 404))
        logError('rollback failed', e, { object: label(o) });
    });
  }
}

/** Deletes every object of a preview in order; one already gone is not an error. */
export async function deleteSet(kube: KubeClient, refs: ObjectRef[]): Promise<void> {
  for (const r of refs) {
    await kube.delete(modelOfKind(r.kind, r.apiVersion), r.namespace, r.name).catch(unlessNotFound);
  }
}
