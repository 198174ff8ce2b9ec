import { requireKube } from '@/lib/auth/session';
import { errorResponse, problemResponse } from '@/lib/http';
import { msg } from '@/lib/i18n/messages';
import { models } from '@/lib/k8s/models';
import { listFor } from '@/lib/live/list';
import { subscriptionSchema } from '@/lib/live/schema';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = subscriptionSchema.safeParse(params);
  if (!parsed.success)
    return problemResponse({ code: 'invalid', status: 400, message: msg('error.unknownList') });
  const m = models[parsed.data.model];
  try {
    const { kube } = await requireKube();
    return Response.json(await listFor(kube, parsed.data), {
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (err) {
    return errorResponse(err, {
      action: msg('action.see', { kinds: { key: m.labelPlural, lower: true } }),
      kind: m.kind,
    });
  }
}
