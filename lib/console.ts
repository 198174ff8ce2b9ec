import 'server-only';

import { notFound } from 'next/navigation';

import { requirePageKube } from './auth/session';
import { isOperator } from './tenants/server';

/** Operator pages: anyone else gets "not found", and the API server would refuse them anyway. */
export async function requireOperator() {
  const ctx = await requirePageKube();
  if (!(await isOperator(ctx.kube))) notFound();
  return ctx;
}
