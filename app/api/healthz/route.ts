// Liveness: the process answers. Nothing else, so a slow API server never restarts every replica.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
