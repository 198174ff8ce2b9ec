'use client';

import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, Field } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { onboardTenant } from '@/lib/tenants/admin-actions';
import { onboardSchema } from '@/lib/tenants/admin-schema';

import { QuotaFields, type QuotaDraft } from './quota-fields';

interface Draft {
  name: string;
  displayName: string;
  adminGroups: string;
  viewerGroups: string;
  pools: string[];
  quota: QuotaDraft;
}

const initial: Draft = {
  name: '',
  displayName: '',
  adminGroups: '',
  viewerGroups: '',
  pools: [],
  quota: {
    cpu: '32',
    memoryGi: '128',
    storageGi: '1024',
    vms: '20',
    clusters: '5',
    volumes: '50',
    loadBalancers: '5',
  },
};

/** The onboarding form, mounted when its dialog opens (its draft outlives a close). */
export function OnboardForm({ pools, onDone }: { pools: string[]; onDone: () => void }) {
  const t = useT();
  const toast = useToast();
  const form = useActionForm({
    draftKey: 'console-onboard-tenant',
    initial,
    schema: onboardSchema,
    submit: (d: Draft) => onboardTenant({ tenant: d }),
    onSuccess: () => {
      toast('success', t('tenants.onboard.done', { name: form.draft.name }));
      onDone();
    },
  });
  const { draft, setDraft, errors } = form;
  return (
    <form className="space-y-4" onSubmit={form.onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t('tenants.field.name')}
          hint={t('tenants.field.name.hint')}
          value={draft.name}
          error={errors.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <Field
          label={t('tenants.field.displayName')}
          value={draft.displayName}
          error={errors.displayName}
          onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
        />
        <Field
          label={t('tenants.field.adminGroups')}
          hint={t('tenants.field.groups.hint')}
          value={draft.adminGroups}
          error={errors.adminGroups}
          onChange={(e) => setDraft({ ...draft, adminGroups: e.target.value })}
        />
        <Field
          label={t('tenants.field.viewerGroups')}
          value={draft.viewerGroups}
          error={errors.viewerGroups}
          onChange={(e) => setDraft({ ...draft, viewerGroups: e.target.value })}
        />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t('tenants.field.pools')}</legend>
        {pools.map((p) => (
          <CheckboxField
            key={p}
            label={p}
            checked={draft.pools.includes(p)}
            onChange={(e) =>
              setDraft({
                ...draft,
                pools: e.target.checked ? [...draft.pools, p] : draft.pools.filter((x) => x !== p),
              })
            }
          />
        ))}
      </fieldset>
      <QuotaFields
        value={draft.quota}
        onChange={(quota) => setDraft({ ...draft, quota })}
        errors={errors}
        prefix="quota."
      />
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button tone="primary" type="submit" disabled={form.pending}>
          {t('tenants.onboard.submit')}
        </Button>
      </div>
    </form>
  );
}
