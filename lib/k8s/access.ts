import 'server-only';

import type { KubeClient } from './client';
import { KubeApiError } from './errors';
import type { ResourceModel } from './models';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

export interface AccessCheck {
  verb: Verb;
  model: Pick<ResourceModel, 'group' | 'plural'>;
  namespace?: string;
  subresource?: string;
  name?: string;
}

interface Review {
  status?: { allowed?: boolean };
}

/**
 * Asks the API server, as the user, whether each action is allowed (SelfSubjectAccessReview).
 * Used only to hide or disable controls; every real call is still authorised by the API server.
 */
export async function canI(kube: KubeClient, checks: AccessCheck[]): Promise<boolean[]> {
  const memo = memoFor(kube);
  return Promise.all(
    checks.map((c) => {
      const key = JSON.stringify([
        c.verb,
        c.model.group,
        c.model.plural,
        c.namespace,
        c.subresource,
        c.name,
      ]);
      let hit = memo.get(key);
      if (!hit) {
        hit = kube
          .request<Review>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: {
                resourceAttributes: {
                  verb: c.verb,
                  group: c.model.group,
                  resource: c.model.plural,
                  namespace: c.namespace,
                  subresource: c.subresource,
                  name: c.name,
                },
              },
            },
          })
          .then((r) => r.status?.allowed === true)
          .catch((e: unknown) => {
            // A refused review means "no"; an unreachable cluster is not an answer.
            if (e instanceof KubeApiError && e.status < 500) return false;
            throw e;
          });
        memo.set(key, hit);
      }
      return hit;
    }),
  );
}

// Per-client memo: a KubeClient is built per request, so this caches answers for one request only.
const memos = new WeakMap<KubeClient, Map<string, Promise<boolean>>>();
function memoFor(kube: KubeClient): Map<string, Promise<boolean>> {
  let m = memos.get(kube);
  if (!m) memos.set(kube, (m = new Map()));
  return m;
}
