import { requireKube } from '@/lib/auth/session';
import { errorResponse } from '@/lib/http';
import { listFor } from '@/lib/live/list';
import { subscriptionSchema } from '@/lib/live/protocol';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = subscriptionSchema.safeParse(params);
  if (!parsed.success)
    return Response.json(
      { error: { code: 'invalid', status: 400, message: 'Unknown list.' } },
      { status: 400 },
    );
  try {
    const { kube } = await requireKube();
    return Response.json(await listFor(kube, parsed.data), {
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (err) {
    return errorResponse(err, { action: 'see this list' });
  }
}
