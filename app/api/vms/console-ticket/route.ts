import { z } from 'zod';

import { getViewer } from '@/lib/auth/session';
import { issueTicket } from '@/lib/consoles/issue';
import { problemResponse, readOwnJson } from '@/lib/http';
import { msg } from '@/lib/i18n/messages';
import { dnsSubdomainName, namespaceName } from '@/lib/k8s/names';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const input = z
  .object({
    namespace: namespaceName,
    name: dnsSubdomainName,
    kind: z.enum(['vnc', 'console']),
    takeOver: z.boolean().optional(),
  })
  .strict();

/**
 * A short-lived, single-use ticket for one console WebSocket (server.mjs proxies it as the person).
 * It grants nothing by itself: kube-apiserver checks RBAC when the proxy dials.
 */
export async function POST(req: Request): Promise<Response> {
  const read = await readOwnJson(req, 4096);
  if (!read.ok) return read.response;
  const parsed = input.safeParse(read.body);
  if (!parsed.success)
    return problemResponse({ code: 'invalid', status: 400, message: msg('error.badRequest') });
  const viewer = await getViewer();
  if (!viewer)
    return problemResponse({
      code: 'unauthenticated',
      status: 401,
      message: msg('error.sessionExpired'),
    });
  return Response.json(
    { ticket: issueTicket(viewer, parsed.data) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
