import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';

import { ConsoleList } from '@/components/console/console-list';
import { loadConsolePage } from '@/lib/console';
import { consoleSections } from '@/lib/navigation';

/** An operator console section by its path: the list prefetched, then kept live. */
export async function ConsolePage({ href }: { href: string }) {
  const section = consoleSections.find((s) => s.href === href) ?? notFound();
  const { state } = await loadConsolePage([{ model: section.model }]);
  return (
    <HydrationBoundary state={state}>
      <ConsoleList section={section} />
    </HydrationBoundary>
  );
}
