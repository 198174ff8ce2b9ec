'use client';

import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { parseQuantity } from '@/lib/tenants/quantity';
import { changeTenantQuota } from '@/lib/tenants/admin-actions';
import type { TenantRow } from '@/lib/tenants/admin-rows';
import { quotaSchema } from '@/lib/tenants/admin-schema';

import { QuotaFields, type QuotaDraft } from './quota-fields';

function current(row: TenantRow): QuotaDraft {
  const hard = (r: string, div = 1) => {
    const n = parseQuantity(row.quota.find((q) => q.resource === r)?.hard ?? '');
    return n === undefined ? '' : String(Math.round(n / div));
  };
  return {
    cpu: hard('requests.cpu'),
    memoryGi: hard('requests.memory', 2 ** 30),
    storageGi: hard('requests.storage', 2 ** 30),
    vms: hard('count/virtualmachines.kubevirt.io'),
    clusters: hard('count/clusters.cluster.x-k8s.io'),
    volumes: hard('persistentvolumeclaims'),
    loadBalancers: hard('services.loadbalancers'),
  };
}

/** Mounted when the dialog opens, so it starts from the quota as it is then, not at page load. */
export function QuotaForm({ row, onDone }: { row: TenantRow; onDone: () => void }) {
  const t = useT();
  const toast = useToast();
  const form = useActionForm({
    draftKey: `console-quota-${row.name}`,
    initial: current(row),
    schema: quotaSchema,
    submit: (quota: QuotaDraft) => changeTenantQuota({ tenant: row.name, quota }),
    onSuccess: () => {
      toast('success', t('tenants.quota.saved', { name: row.name }));
      onDone();
    },
  });
  return (
    <form className="space-y-4" onSubmit={form.onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <QuotaFields value={form.draft} onChange={form.setDraft} errors={form.errors} />
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button tone="primary" type="submit" disabled={form.pending}>
          {t('tenants.quota.save')}
        </Button>
      </div>
    </form>
  );
}
