import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';

interface TenantParams {
  params: Promise<{ tenant: string }>;
}

/**
 * A tenant page from its loader and its client view: load as the person, hydrate what was
 * prefetched, render. Pages stay one declaration each.
 */
export function tenantRoute<P extends { state: DehydratedState }>(
  load: (tenant: string) => Promise<P>,
  render: (page: P) => React.ReactNode,
) {
  return async function TenantRoute({ params }: TenantParams) {
    const page = await load((await params).tenant);
    return <HydrationBoundary state={page.state}>{render(page)}</HydrationBoundary>;
  };
}
