import 'server-only';

import { serverEnv } from '../env';
import { msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { Refusal } from '../k8s/errors';
import { models, type ResourceModel } from '../k8s/models';
import { createSet, deleteSet, WriteSetError, type ObjectRef } from '../k8s/write-set';
import { onboardObjects, QUOTA_NAME, quotaHard } from './admin-build';
import type { OnboardInput, QuotaInput } from './admin-schema';
import { TENANT_LABEL } from './types';

const env = () => {
  const e = serverEnv();
  return {
    namespacePrefix: e.STRATUS_TENANT_NAMESPACE_PREFIX,
    groupPrefix: e.STRATUS_OIDC_GROUP_PREFIX,
  };
};

/** Onboards a tenant as the operator: namespace, quota and bindings, all or nothing. */
export async function onboardTenant(
  kube: KubeClient,
  input: OnboardInput,
): Promise<{ namespace: string }> {
  const objects = onboardObjects(input, env());
  await createSet(kube, objects).catch((e: unknown) => {
    if (
      e instanceof WriteSetError &&
      e.problem.code === 'alreadyExists' &&
      e.failedObject.startsWith('Namespace ')
    )
      throw new Refusal({
        code: 'alreadyExists',
        status: 409,
        message: msg('tenants.error.taken', { name: input.name }),
        fields: { name: msg('clusters.error.nameTakenField') },
      });
    throw e;
  });
  return { namespace: objects[0]?.metadata?.name ?? '' };
}

/** The tenant's namespace, confirmed to be a tenant (never offboard an arbitrary namespace). */
async function tenantNamespace(kube: KubeClient, tenant: string): Promise<string> {
  const namespace = `${env().namespacePrefix}${tenant}`;
  const ns = await kube.get(models.namespaces, undefined, namespace);
  if (ns.metadata?.labels?.[TENANT_LABEL] !== tenant)
    throw new Refusal({
      code: 'notFound',
      status: 404,
      message: msg('tenants.error.notTenant', { name: tenant }),
    });
  return namespace;
}

export async function setTenantQuota(
  kube: KubeClient,
  tenant: string,
  quota: QuotaInput,
): Promise<void> {
  const namespace = await tenantNamespace(kube, tenant);
  const hard = quotaHard(quota);
  const existing = await kube
    .get(models.resourcequotas, namespace, QUOTA_NAME)
    .catch(() => undefined);
  if (existing) await kube.patch(models.resourcequotas, namespace, QUOTA_NAME, { spec: { hard } });
  else
    await kube.create(models.resourcequotas, {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: QUOTA_NAME, namespace },
      spec: { hard },
    });
}

const previewModels: ResourceModel[] = [
  models.clusters,
  models.virtualmachines,
  models.datavolumes,
  models.persistentvolumeclaims,
  models.services,
  models.helmreleases,
];

/** Everything offboarding removes, read as the operator: the tenant's objects, then its namespace. */
export async function offboardPreview(kube: KubeClient, tenant: string): Promise<ObjectRef[]> {
  const namespace = await tenantNamespace(kube, tenant);
  const lists = await Promise.all(previewModels.map((m) => kube.list(m, { namespace })));
  const refs = lists.flatMap((l, i) =>
    l.items.map((o) => ({
      kind: previewModels[i]?.kind ?? '',
      namespace,
      name: o.metadata?.name ?? '',
    })),
  );
  return [...refs, { kind: 'Namespace', name: namespace }];
}

/**
 * Offboards a tenant: deletes its namespace, which takes every object in it (the preview lists
 * them). One delete, so nothing is left half-removed by a refusal part-way.
 */
export async function offboardTenant(kube: KubeClient, tenant: string): Promise<void> {
  const namespace = await tenantNamespace(kube, tenant);
  await deleteSet(kube, [{ kind: 'Namespace', apiVersion: 'v1', name: namespace }]);
}
