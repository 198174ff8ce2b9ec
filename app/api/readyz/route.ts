import { readiness } from '@/lib/serving/readiness';

// Readiness: the API server answers discovery and serves what the pages read.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const r = await readiness();
  return Response.json(
    { status: r.ready ? 'ok' : 'unavailable', missingGroups: r.missingGroups },
    { status: r.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
