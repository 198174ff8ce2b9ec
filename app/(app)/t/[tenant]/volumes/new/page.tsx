import { PageNotice } from '@/components/resources/page-notice';
import { CreateVolumeForm } from '@/components/volumes/create-volume-form';
import { getT } from '@/lib/i18n/server';
import { tenantHref } from '@/lib/navigation';
import { loadTenantPage } from '@/lib/pages/tenant-page';
import { titled } from '@/lib/pages/title';
import { sourceKinds, type SourceKind } from '@/lib/volumes/modes';
import { linstorVolumeClasses } from '@/lib/volumes/server';

export const generateMetadata = titled('volumes.create');

const isKind = (k: string | undefined): k is SourceKind =>
  sourceKinds.some((s) => s === k) && k !== 'none';

export default async function NewVolumePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { kube, tenant, can } = await loadTenantPage((await params).tenant, {
    can: { create: { verb: 'create', model: 'persistentvolumeclaims' } },
  });
  const t = await getT();
  const q = await searchParams;
  const notice = (message: string, tone?: 'error') => (
    <PageNotice
      title={t('volumes.new.title')}
      message={message}
      back={{ href: tenantHref(tenant.name, 'volumes'), label: t('volumes.all') }}
      testId={tone ? undefined : 'read-only'}
      tone={tone}
    />
  );
  if (!can.create) return notice(t('volumes.new.adminsOnly'));
  const classes = await linstorVolumeClasses(kube);
  if (!classes.length) return notice(t('volumes.new.noClasses'), 'error');
  const sizeGi = Number(q.sizeGi);
  const source =
    isKind(q.sourceKind) && q.sourceName
      ? {
          kind: q.sourceKind,
          name: q.sourceName,
          ...(Number.isInteger(sizeGi) && sizeGi > 0 ? { sizeGi } : {}),
          ...(q.storageClass ? { storageClass: q.storageClass } : {}),
        }
      : undefined;
  return <CreateVolumeForm tenant={tenant} classes={classes} {...(source ? { source } : {})} />;
}
