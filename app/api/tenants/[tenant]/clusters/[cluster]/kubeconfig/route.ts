import { requireKube } from '@/lib/auth/session';
import { personalKubeconfig, readKubeconfig } from '@/lib/clusters/kubeconfig';
import { serverEnv } from '@/lib/env';
import { errorResponse, problemResponse } from '@/lib/http';
import { msg } from '@/lib/i18n/messages';
import { dnsLabelName } from '@/lib/k8s/names';
import { rateLimiter } from '@/lib/security/rate-limit.mjs';

export const dynamic = 'force-dynamic';

// Per person and replica: enough for anyone at a keyboard, not for a script sweeping every cluster.
const downloads = rateLimiter({ limit: 20, windowMs: 10 * 60_000 });

/**
 * Serves a tenant cluster's kubeconfig, read as the signed-in user (another tenant's: 403 from the API
 * server). Never cached, never logged; each admin download becomes an Event on the Cluster.
 * `?kind=personal` serves the secret-free OIDC kubeconfig instead.
 */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ tenant: string; cluster: string }> },
): Promise<Response> {
  const { tenant, cluster } = await params;
  if (!dnsLabelName.safeParse(tenant).success || !dnsLabelName.safeParse(cluster).success)
    return problemResponse({
      code: 'notFound',
      status: 404,
      message: msg('error.notFoundNamed', {
        kind: { key: 'model.clusters', lower: true },
        name: cluster,
      }),
    });
  try {
    const { viewer, kube } = await requireKube();
    const limited = downloads.take(viewer.identity.username);
    if (!limited.ok) {
      const res = await problemResponse({
        code: 'tooManyRequests',
        status: 429,
        message: msg('error.tooManyDownloads', { seconds: limited.retryAfterS }),
      });
      res.headers.set('Retry-After', String(limited.retryAfterS));
      return res;
    }
    const namespace = `${serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX}${tenant}`;
    const personal = new URL(req.url).searchParams.get('kind') === 'personal';
    const text = personal
      ? await personalKubeconfig(kube, namespace, cluster)
      : await readKubeconfig(kube, namespace, cluster, viewer.email);
    return new Response(text, {
      headers: {
        'Content-Type': 'application/yaml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${cluster}${personal ? '-personal' : ''}.kubeconfig"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    return errorResponse(err, { action: msg('action.downloadKubeconfig'), kind: 'Secret' });
  }
}
