'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { forgetDraft } from '@/lib/forms/use-draft';
import { useT } from '@/lib/i18n/client';
import type { PortInput } from '@/lib/loadbalancers/schema';

// The form (and the schema library it validates with) loads when editing starts.
const PortsForm = dynamic(() => import('./ports-form').then((m) => m.PortsForm), {
  loading: () => <p role="status">…</p>,
});

export const portsDraftKey = (namespace: string, name: string) => `lb-ports:${namespace}/${name}`;

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
  const [editing, setEditing] = useState(false);
  if (!editing)
    return (
      <Button
        onClick={() => {
          // Each edit starts from the ports as they are now.
          forgetDraft(portsDraftKey(namespace, name));
          setEditing(true);
        }}
      >
        {t('loadbalancers.ports.edit')}
      </Button>
    );
  return (
    <PortsForm namespace={namespace} name={name} ports={ports} onDone={() => setEditing(false)} />
  );
}
