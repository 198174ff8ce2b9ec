import 'server-only';

import { cache } from 'react';

import { serverEnv } from '../env';
import { canI } from '../k8s/access';
import type { KubeClient } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import { models } from '../k8s/models';
import type { NamespaceObject } from '../k8s/objects';
import type { Viewer } from '../auth/session';
import { tenantCandidates } from './membership';
import { DISPLAY_NAME_ANNOTATION, TENANT_LABEL, type Tenant } from './types';

function toTenant(ns: NamespaceObject): Tenant | null {
  const name = ns.metadata?.labels?.[TENANT_LABEL];
  if (!name || !ns.metadata?.name) return null;
  return {
    name,
    namespace: ns.metadata.name,
    displayName: ns.metadata.annotations?.[DISPLAY_NAME_ANNOTATION] ?? name,
  };
}

/**
 * The tenants this person may open. Operators (who may list namespaces) see all; everyone else gets
 * the tenants their groups name, each confirmed by reading the namespace *as them* — no one needs
 * to list all namespaces, and the dashboard never looks on anyone's behalf.
 */
export const tenantsFor = cache(async (viewer: Viewer, kube: KubeClient): Promise<Tenant[]> => {
  const [canList] = await canI(kube, [{ verb: 'list', model: models.namespaces }]);
  if (canList) {
    const list = await kube.list(models.namespaces, { labelSelector: TENANT_LABEL });
    return list.items
      .map(toTenant)
      .filter((t): t is Tenant => !!t)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  const env = serverEnv();
  const names = tenantCandidates(viewer.groups, env.STRATUS_TENANT_GROUP_PATTERN);
  const found = await Promise.all(
    names.map((n) =>
      kube
        .get(models.namespaces, undefined, `${env.STRATUS_TENANT_NAMESPACE_PREFIX}${n}`)
        .then(toTenant)
        .catch((e: unknown) => {
          // Not there, or not theirs: not a tenant of this person. Anything else is an outage.
          if (e instanceof KubeApiError && (e.status === 403 || e.status === 404)) return null;
          throw e;
        }),
    ),
  );
  return found.filter((t): t is Tenant => !!t);
});

export async function isOperator(kube: KubeClient): Promise<boolean> {
  const [ok] = await canI(kube, [{ verb: 'list', model: models.nodes }]);
  return ok ?? false;
}
