'use client';

import { signOut } from 'next-auth/react';

import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';

export function UserMenu({ viewer }: { viewer: { name: string; email: string } }) {
  const t = useT();
  return (
    <div className="flex items-center gap-3">
      <span className="text-sm" data-testid="viewer">
        <span className="font-medium">{viewer.name}</span>{' '}
        <span className="text-slate-500">{viewer.email}</span>
      </span>
      {/* Ends the IdP session too, so the next person at this browser must sign in themselves. */}
      <Button tone="ghost" onClick={() => void signOut({ callbackUrl: '/api/auth/end-session' })}>
        {t('shell.signOut')}
      </Button>
    </div>
  );
}
