'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';

// The form (and the schema library it validates with) loads when the dialog opens.
const OnboardForm = dynamic(() => import('./onboard-form').then((m) => m.OnboardForm), {
  loading: () => <p role="status">…</p>,
});

export function OnboardDialog({ pools }: { pools: string[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button tone="primary" onClick={() => setOpen(true)}>
        {t('tenants.onboard')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('tenants.onboard.title')} wide>
        <OnboardForm pools={pools} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
