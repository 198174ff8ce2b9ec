'use client';

import { useState } from 'react';

import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { editLoadBalancerPorts } from '@/lib/loadbalancers/actions';
import { portsSchema, type PortInput } from '@/lib/loadbalancers/schema';

import { PortFields, type PortDraft } from './port-fields';

const toDraft = (ports: PortInput[]): PortDraft[] =>
  ports.map((p) => ({
    protocol: p.protocol,
    port: String(p.port),
    targetPort: String(p.targetPort),
  }));

/** Edit a load balancer's ports in place; the address stays (MetalLB re-checks sharing). */
export function EditPorts({
  namespace,
  name,
  ports,
}: {
  namespace: string;
  name: string;
  ports: PortInput[];
}) {
  const t = useT();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const form = useActionForm({
    draftKey: `lb-ports:${namespace}/${name}`,
    initial: toDraft(ports),
    schema: portsSchema,
    submit: (draft: PortDraft[]) => editLoadBalancerPorts({ namespace, name, ports: draft }),
    onSuccess: () => {
      toast('success', t('loadbalancers.ports.saved', { name }));
      setEditing(false);
    },
  });
  if (!editing)
    return (
      <Button
        onClick={() => {
          form.setDraft(toDraft(ports));
          setEditing(true);
        }}
      >
        {t('loadbalancers.ports.edit')}
      </Button>
    );
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
        <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
