'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo } from 'react';

import { CreateFormFooter } from '@/components/forms/create-form-footer';
import { CreateForm } from '@/components/forms/create-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useLazyModule } from '@/components/forms/use-lazy-module';
import { Field, SelectField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { createLoadBalancer } from '@/lib/loadbalancers/actions';
import { buildLoadBalancer, MANAGED_BY } from '@/lib/loadbalancers/build';
import { usablePools, type NamespaceFacts } from '@/lib/loadbalancers/rules';
import { type LoadBalancerDraft } from '@/lib/loadbalancers/schema';
import { defaultLoadBalancer } from '@/lib/loadbalancers/draft';
import { holderOf, isLoadBalancer } from '@/lib/loadbalancers/status';
import { useLbSummaries } from '@/lib/loadbalancers/use-lbs';
import { lbLists } from '@/lib/loadbalancers/live';
import { useLiveList } from '@/lib/live/use-live-list';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

import { PortFields } from './port-fields';
import { poolFree } from './pool-usage';

export function CreateLbForm({
  tenant,
  namespaceLabels,
  vm,
}: {
  tenant: Tenant;
  namespaceLabels: Record<string, string>;
  /** Preselected target (from a VM's page). */
  vm?: string;
}) {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const ns = tenant.namespace;
  const listHref = tenantHref(tenant.name, 'loadbalancers');
  const { pools } = useLbSummaries(ns);
  const services = useLiveList(lbLists(ns).services);
  const vms = useLiveList({ model: 'virtualmachines', namespace: ns, view: 'rows' });
  const facts: NamespaceFacts = useMemo(
    () => ({ name: ns, labels: namespaceLabels }),
    [ns, namespaceLabels],
  );
  const usable = useMemo(() => usablePools(pools, facts, { ...MANAGED_BY }), [pools, facts]);
  const vmNames = useMemo(() => vms.items.map((v) => v.metadata?.name ?? '').sort(), [vms.items]);
  // The validator (zod) loads once the form is on screen.
  const kit = useLazyModule(() => import('@/lib/loadbalancers/form'));
  const schema = useMemo(
    () =>
      kit.module?.loadBalancerSchemaFor({
        namespace: facts,
        pools,
        holders: services.items.filter(isLoadBalancer).map(holderOf),
        vms: vmNames,
      }),
    [kit.module, facts, pools, services.items, vmNames],
  );
  const initial = defaultLoadBalancer(usable[0]?.metadata?.name ?? '', vm ?? vmNames[0] ?? '');
  const form = useActionForm({
    draftKey: `create-lb:${tenant.name}`,
    initial,
    schema,
    schemaFailed: kit.failed,
    submit: (lb: LoadBalancerDraft) => createLoadBalancer({ namespace: ns, lb }),
    onSuccess: ({ name }) => {
      toast('success', t('loadbalancers.new.created', { name }));
      router.push(tenantHref(tenant.name, 'loadbalancers', name));
    },
  });
  const { draft, setDraft, errors, parsed } = form;
  const set = (patch: Partial<LoadBalancerDraft>) => setDraft({ ...draft, ...patch });
  // Pools and VMs arrive after the draft was made: fill in the first of each once known.
  const pool = draft.pool || usable[0]?.metadata?.name || '';
  const target = draft.vm || (draft.target === 'vm' ? (vmNames[0] ?? '') : '');
  useEffect(() => {
    if (pool !== draft.pool || target !== draft.vm) setDraft({ ...draft, pool, vm: target });
  }, [pool, target, draft, setDraft]);
  const chosen = usable.find((p) => p.metadata?.name === draft.pool);
  const objects = () => (parsed?.success ? [buildLoadBalancer(parsed.data, ns)] : []);

  return (
    <CreateForm
      label={t('loadbalancers.create')}
      onSubmit={form.onSubmit}
      tenant={tenant}
      list={{ label: t('nav.loadBalancers'), href: listHref }}
      crumb={t('loadbalancers.new.crumb')}
      title={t('loadbalancers.new.title')}
      error={form.formError}
    >
      <section className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('loadbalancers.new.name')}
          name="name"
          value={draft.name}
          autoComplete="off"
          error={errors.name}
          hint={t('loadbalancers.new.nameHint')}
          onChange={(e) => set({ name: e.target.value })}
        />
      </section>
      <section className="grid gap-4 sm:grid-cols-2" aria-label={t('loadbalancers.column.target')}>
        <SelectField
          label={t('loadbalancers.new.target')}
          name="target"
          value={draft.target}
          onChange={(e) => set({ target: e.target.value === 'selector' ? 'selector' : 'vm' })}
        >
          <option value="vm">{t('loadbalancers.new.targetVm')}</option>
          <option value="selector">{t('loadbalancers.new.targetSelector')}</option>
        </SelectField>
        {draft.target === 'vm' ? (
          <SelectField
            label={t('loadbalancers.new.vm')}
            name="vm"
            value={draft.vm}
            error={errors.vm}
            onChange={(e) => set({ vm: e.target.value })}
          >
            {!vmNames.length && <option value="">{t('loadbalancers.new.noVms')}</option>}
            {vmNames.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </SelectField>
        ) : (
          <Field
            label={t('loadbalancers.new.selector')}
            name="selector"
            value={draft.selector}
            autoComplete="off"
            spellCheck={false}
            error={errors.selector}
            hint={t('loadbalancers.new.selectorHint')}
            onChange={(e) => set({ selector: e.target.value })}
          />
        )}
      </section>
      <PortFields ports={draft.ports} errors={errors} onChange={(ports) => set({ ports })} />
      <section className="grid gap-4 sm:grid-cols-2" aria-label={t('loadbalancers.new.address')}>
        <SelectField
          label={t('loadbalancers.new.pool')}
          name="pool"
          value={draft.pool}
          error={errors.pool}
          onChange={(e) => set({ pool: e.target.value })}
        >
          {!usable.length && <option value="">{t('loadbalancers.new.noPools')}</option>}
          {usable.map((p) => (
            <option key={p.metadata?.name} value={p.metadata?.name}>
              {t('loadbalancers.new.poolOption', {
                name: p.metadata?.name ?? '',
                free: poolFree(p) ?? '?',
              })}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('loadbalancers.new.ip')}
          name="ip"
          value={draft.ip}
          autoComplete="off"
          spellCheck={false}
          error={errors.ip}
          hint={
            chosen
              ? t('loadbalancers.new.ipHint', { ranges: (chosen.spec?.addresses ?? []).join(', ') })
              : undefined
          }
          onChange={(e) => set({ ip: e.target.value })}
        />
        <Field
          label={t('loadbalancers.new.sharingKey')}
          name="sharingKey"
          value={draft.sharingKey}
          autoComplete="off"
          error={errors.sharingKey}
          hint={t('loadbalancers.new.sharingKeyHint')}
          onChange={(e) => set({ sharingKey: e.target.value })}
        />
        <SelectField
          label={t('loadbalancers.new.trafficPolicy')}
          name="externalTrafficPolicy"
          value={draft.externalTrafficPolicy}
          error={errors.externalTrafficPolicy}
          onChange={(e) =>
            set({ externalTrafficPolicy: e.target.value === 'Local' ? 'Local' : 'Cluster' })
          }
        >
          <option value="Cluster">{t('loadbalancers.new.policyCluster')}</option>
          <option value="Local">{t('loadbalancers.new.policyLocal')}</option>
        </SelectField>
      </section>
      <CreateFormFooter
        shortfall={[]}
        quotaTitle=""
        cancelHref={listHref}
        validate={form.validate}
        objects={objects}
        yamlTitle={t('loadbalancers.new.yamlTitle')}
        submitLabel={t('loadbalancers.create')}
        pendingLabel={t('loadbalancers.new.creating')}
        pending={form.pending}
      />
    </CreateForm>
  );
}
