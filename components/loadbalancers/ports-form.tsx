'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { editLoadBalancerPorts } from '@/lib/loadbalancers/actions';
import { portsSchema, type PortInput } from '@/lib/loadbalancers/schema';

import { portsDraftKey } from './edit-ports';
import { PortFields, type PortDraft } from './port-fields';

const toDraft = (ports: PortInput[]): PortDraft[] =>
  ports.map((p) => ({
    protocol: p.protocol,
    port: String(p.port),
    targetPort: String(p.targetPort),
  }));

/** The ports form, mounted when editing starts (edit-ports.tsx). */
export function PortsForm({
  namespace,
  name,
  ports,
  onDone,
}: {
  namespace: string;
  name: string;
  ports: PortInput[];
  onDone: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const form = useActionForm({
    draftKey: portsDraftKey(namespace, name),
    initial: toDraft(ports),
    schema: portsSchema,
    submit: (draft: PortDraft[]) => editLoadBalancerPorts({ namespace, name, ports: draft }),
    onSuccess: () => {
      toast('success', t('loadbalancers.ports.saved', { name }));
      onDone();
    },
  });
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="space-y-4"
      aria-label={t('loadbalancers.ports.edit')}
    >
      <FormAlert message={form.formError} />
      <PortFields ports={form.draft} errors={form.errors} prefix="" onChange={form.setDraft} />
      <div className="flex gap-2">
        <Button type="submit" tone="primary" disabled={form.pending}>
          {form.pending ? t('loadbalancers.ports.saving') : t('loadbalancers.ports.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
