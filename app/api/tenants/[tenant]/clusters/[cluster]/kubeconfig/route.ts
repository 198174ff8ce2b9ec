import { requireKube } from '@/lib/auth/session';
import { readKubeconfig } from '@/lib/clusters/kubeconfig';
import { dnsLabel } from '@/lib/clusters/schema';
import { serverEnv } from '@/lib/env';
import { errorResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * Serves a tenant cluster's kubeconfig, read as the signed-in user (another tenant's: 403 from the API
 * server). Never cached, never logged; each download becomes an Event on the Cluster.
 */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ tenant: string; cluster: string }> },
): Promise<Response> {
  const { tenant, cluster } = await params;
  if (!dnsLabel.safeParse(tenant).success || !dnsLabel.safeParse(cluster).success) {
    return Response.json(
      { error: { code: 'notFound', status: 404, message: 'No such cluster.' } },
      { status: 404 },
    );
  }
  try {
    const { viewer, kube } = await requireKube();
    const namespace = `${serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX}${tenant}`;
    const text = await readKubeconfig(kube, namespace, cluster, viewer.email);
    return new Response(text, {
      headers: {
        'Content-Type': 'application/yaml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${cluster}.kubeconfig"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    return errorResponse(err, { action: 'download this kubeconfig', kind: 'Secret' });
  }
}
