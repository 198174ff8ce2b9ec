'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';
import type { TenantRow } from '@/lib/tenants/admin-rows';

// The form (and the schema library it validates with) loads when the dialog opens.
const QuotaForm = dynamic(() => import('./quota-form').then((m) => m.QuotaForm), {
  loading: () => <p role="status">…</p>,
});

export function QuotaDialog({ row }: { row: TenantRow }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('tenants.quota.change')}</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('tenants.quota.title', { name: row.displayName })}
      >
        <QuotaForm row={row} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
