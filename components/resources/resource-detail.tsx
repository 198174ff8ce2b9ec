'use client';

import { useRouter } from 'next/navigation';

import { columnValue } from '@/components/resources/column-value';
import { FormAlert } from '@/components/forms/form-alert';
import { useToast } from '@/components/ui/toast';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { ConditionsTable } from '@/components/resources/detail/conditions-table';
import { DeleteDialog } from '@/components/resources/detail/delete-dialog';
import { DetailHeader } from '@/components/resources/detail/detail-header';
import { EventsTable } from '@/components/resources/detail/events-table';
import { Section } from '@/components/resources/detail/section';
import { SummaryGrid } from '@/components/resources/detail/summary-grid';
import { YamlButton } from '@/components/resources/detail/yaml-dialog';
import { deleteResource } from '@/lib/actions/delete-resource';
import { useT } from '@/lib/i18n/client';
import { conditionsOf } from '@/lib/k8s/conditions';
import { eventsAbout } from '@/lib/k8s/events';
import { models } from '@/lib/k8s/models';
import { useLiveObject } from '@/lib/live/use-live-list';
import { tenantHref, type ResourceSection } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

/** Any tenant object's page from the registry: summary, conditions, events, YAML, delete. */
export function ResourceDetail({
  tenant,
  section,
  name,
  canDelete,
}: {
  tenant: Tenant;
  section: ResourceSection;
  name: string;
  canDelete: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const router = useRouter();
  const model = models[section.model];
  const { object, isLoading, error } = useLiveObject({
    model: section.model,
    namespace: tenant.namespace,
    name,
  });
  const listHref = tenantHref(tenant.name, section.segment);
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={tenantCrumbs(tenant, { label: t(section.title), href: listHref }, { label: name })}
      />
      <DetailHeader
        title={name}
        actions={
          object && (
            <>
              <YamlButton object={object} />
              {canDelete && (
                <DeleteDialog
                  name={name}
                  kindLabel={t({ key: model.label, lower: true })}
                  remove={() =>
                    deleteResource({ model: section.model, namespace: tenant.namespace, name })
                  }
                  onDeleted={() => {
                    toast('success', t('delete.started', { kind: t(model.label), name }));
                    router.push(listHref);
                  }}
                />
              )}
            </>
          )
        }
      />
      {error ? (
        <FormAlert message={error.message} />
      ) : isLoading ? (
        <p>{t('common.loading')}</p>
      ) : !object ? (
        <p data-testid="gone" className="text-slate-500">
          {t('common.notFound')}
        </p>
      ) : (
        <>
          <SummaryGrid
            items={model.columns.map((c) => ({
              id: c.id,
              label: t(c.header),
              value: columnValue(object, c, t),
            }))}
          />
          <ConditionsTable conditions={conditionsOf(object)} />
          <Section title={t('clusters.events')}>
            <EventsTable sub={eventsAbout(tenant.namespace, model.kind, name)} />
          </Section>
        </>
      )}
    </div>
  );
}
