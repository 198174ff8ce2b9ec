'use client';

import { signIn } from 'next-auth/react';

import { Button } from '@/components/ui/button';

export function SignInButton({ callbackUrl, label }: { callbackUrl: string; label: string }) {
  return (
    <Button
      tone="primary"
      className="mt-6 w-full py-2"
      onClick={() => void signIn('stratus', { callbackUrl })}
    >
      {label}
    </Button>
  );
}
