'use client';

import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';
import type { LoadBalancerDraft } from '@/lib/loadbalancers/schema';
import { PROTOCOLS } from '@/lib/loadbalancers/types';

export type PortDraft = LoadBalancerDraft['ports'][number];

/** A load balancer's ports: protocol, port and the pods' port; added and removed in place. */
export function PortFields({
  ports,
  errors,
  prefix = 'ports',
  onChange,
}: {
  ports: PortDraft[];
  errors: Record<string, string>;
  /** Where the ports sit in the form's error paths. */
  prefix?: string;
  onChange: (ports: PortDraft[]) => void;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<PortDraft>) =>
    onChange(ports.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const err = (i: number, f: string) => errors[prefix ? `${prefix}.${i}.${f}` : `${i}.${f}`];
  return (
    <section aria-labelledby="lb-ports" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="lb-ports" className="text-lg font-medium">
          {t('loadbalancers.ports')}
        </h2>
        <Button onClick={() => onChange([...ports, { protocol: 'TCP', port: '', targetPort: '' }])}>
          {t('loadbalancers.addPort')}
        </Button>
      </div>
      {errors[prefix] && <p className="text-sm text-red-600">{errors[prefix]}</p>}
      {ports.map((p, i) => (
        <fieldset
          key={i}
          className="grid items-end gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-4 dark:border-slate-800"
          aria-label={t('loadbalancers.portN', { n: i + 1 })}
        >
          <SelectField
            label={t('loadbalancers.protocol')}
            value={p.protocol}
            error={err(i, 'protocol')}
            onChange={(e) => set(i, { protocol: e.target.value as PortDraft['protocol'] })}
          >
            {PROTOCOLS.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </SelectField>
          <Field
            label={t('loadbalancers.port')}
            type="number"
            min={1}
            max={65535}
            value={String(p.port ?? '')}
            error={err(i, 'port')}
            onChange={(e) =>
              set(i, {
                port: e.target.value,
                // The pods' port follows until someone sets it apart.
                ...(String(p.targetPort ?? '') === String(p.port ?? '')
                  ? { targetPort: e.target.value }
                  : {}),
              })
            }
          />
          <Field
            label={t('loadbalancers.targetPort')}
            type="number"
            min={1}
            max={65535}
            value={String(p.targetPort ?? '')}
            error={err(i, 'targetPort')}
            onChange={(e) => set(i, { targetPort: e.target.value })}
          />
          <Button
            tone="ghost"
            disabled={ports.length < 2}
            onClick={() => onChange(ports.filter((_, j) => j !== i))}
          >
            {t('loadbalancers.removePort')}
          </Button>
        </fieldset>
      ))}
    </section>
  );
}
