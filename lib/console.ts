import 'server-only';

import { notFound } from 'next/navigation';

import { requirePageKube } from './auth/session';
import type { Subscription } from './live/protocol';
import { prefetchLists } from './live/prefetch';
import { isOperator } from './tenants/server';

/** Operator pages: anyone else gets "not found", and the API server would refuse them anyway. */
export async function requireOperator() {
  const ctx = await requirePageKube();
  if (!(await isOperator(ctx.kube))) notFound();
  return ctx;
}

/** An operator page with its lists prefetched as the operator. */
export async function loadConsolePage(lists: Subscription[], opts: { firstPage?: number } = {}) {
  const ctx = await requireOperator();
  return { ...ctx, state: await prefetchLists(ctx.kube, lists, opts) };
}
