'use client';

import { useState } from 'react';

import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { powerHost } from '@/lib/inventory/actions';
import type { InventoryRow } from '@/lib/inventory/rows';
import { useT } from '@/lib/i18n/client';

type Op = 'on' | 'off' | 'reboot';
const label = {
  on: 'inventory.power.doOn',
  off: 'inventory.power.doOff',
  reboot: 'inventory.power.doReboot',
} as const;

/** Power on/off and reboot of a node's BareMetalHost, each confirmed. */
export function HostPowerControls({ row }: { row: InventoryRow }) {
  const t = useT();
  const toast = useToast();
  const [confirm, setConfirm] = useState<Op | null>(null);
  const power = useAction(powerHost, {
    onSuccess: (d) =>
      toast('success', t('inventory.requested', { op: t(label[d.op]), name: row.node })),
  });
  const host = row.host;
  if (!host) return null;
  const offered: Op[] = row.online ? ['off', 'reboot'] : ['on'];
  return (
    <div
      className="flex flex-wrap gap-1"
      role="group"
      aria-label={t('inventory.power.actions', { name: row.node })}
    >
      {offered.map((op) => (
        <Button key={op} disabled={power.pending} onClick={() => setConfirm(op)}>
          {t(label[op])}
        </Button>
      ))}
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm ? t(`inventory.confirm.${confirm}.title`, { name: row.node }) : ''}
      >
        <p className="text-sm">{confirm ? t(`inventory.confirm.${confirm}.intro`) : ''}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setConfirm(null)}>{t('common.cancel')}</Button>
          <Button
            tone={confirm === 'on' ? 'primary' : 'danger'}
            onClick={() => {
              const op = confirm;
              setConfirm(null);
              if (op) void power.run({ namespace: host.namespace, name: host.name, op });
            }}
          >
            {confirm ? t(label[confirm]) : ''}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
