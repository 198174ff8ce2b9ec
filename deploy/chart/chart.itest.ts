// The Helm chart, rendered and linted by a real Helm (built from Go modules like the control plane),
// its manifests validated by the local API server (server-side dry run), and its values schema
// refusing what would weaken the trust model.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../../devcluster/src/config';
import { testClusterDir } from '../../lib/testing/admin';

const chart = path.join(repoRoot, 'deploy', 'chart');
let bin = '';
const kubeconfig = () => path.join(testClusterDir(), 'admin.kubeconfig');

function helm(args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync(path.join(bin, 'helm'), args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function render(set: string[] = [], namespace = 'stratus-system') {
  return helm([
    'template',
    'stratus',
    chart,
    '--namespace',
    namespace,
    '--kube-version',
    '1.34.4',
    ...set.flatMap((s) => ['--set', s]),
  ]);
}

interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
  rules?: { verbs: string[]; resources?: string[] }[];
  spec?: Record<string, unknown>;
}
const manifests = (text: string): Manifest[] =>
  parseAllDocuments(text)
    .map((d) => d.toJS() as Manifest | null)
    .filter((m): m is Manifest => !!m?.kind);

beforeAll(() => {
  bin = execFileSync('bash', [path.join(repoRoot, 'devcluster', 'scripts', 'build.sh')], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
}, 600_000);

describe('the chart', () => {
  it('lints', () => {
    const r = helm(['lint', chart, '--namespace', 'stratus-system', '--kube-version', '1.34.4']);
    expect(r.err + r.out).toContain('0 chart(s) failed');
    expect(r.status).toBe(0);
  });

  it('renders manifests the API server accepts (server-side dry run)', () => {
    const r = render(['ingress.enabled=true', 'networkPolicy.enabled=true']);
    expect(r.status, r.err).toBe(0);
    const kinds = manifests(r.out).map((m) => m.kind);
    for (const k of ['Deployment', 'Service', 'Ingress', 'PodDisruptionBudget', 'NetworkPolicy'])
      expect(kinds).toContain(k);
    const apply = spawnSync(
      path.join(bin, 'kubectl'),
      ['apply', '--server-side', '--force-conflicts', '--dry-run=server', '-f', '-'],
      { input: r.out, encoding: 'utf8', env: { ...process.env, KUBECONFIG: kubeconfig() } },
    );
    expect(apply.stderr).toBe('');
    expect(apply.status).toBe(0);
    expect(apply.stdout).toMatch(/deployment\.apps\/stratus serverside-applied \(server dry run\)/);
  });

  it('runs replicas read-only and unprivileged, spread and probed', () => {
    const deploy = manifests(render(['replicaCount=3']).out).find((m) => m.kind === 'Deployment');
    const text = JSON.stringify(deploy);
    expect(deploy?.spec?.replicas).toBe(3);
    expect(text).toContain('"readOnlyRootFilesystem":true');
    expect(text).toContain('"runAsNonRoot":true');
    expect(text).toContain('"/api/readyz"');
    expect(text).toContain('topologySpreadConstraints');
    expect(text).toContain('STRATUS_REPLICA_URL');
  });

  it('binds the dashboard ServiceAccount, never a local User, and the operator groups from values', () => {
    const ms = manifests(render(['operatorGroups={platform-team,sre}']).out);
    const subjects = ms.flatMap((m) => m.subjects ?? []);
    expect(subjects.some((s) => s.kind === 'User' && s.name === 'stratus-dashboard')).toBe(false);
    expect(subjects).toContainEqual({
      kind: 'ServiceAccount',
      name: 'stratus-dashboard',
      namespace: 'stratus-system',
    });
    const operators = ms.find((m) => m.metadata.name === 'stratus:operators');
    expect(operators?.subjects?.map((s) => s.name)).toEqual(['oidc:platform-team', 'oidc:sre']);
  });

  it('grants impersonation only in the impersonation mode', () => {
    const impersonates = (text: string) =>
      manifests(text).some((m) => (m.rules ?? []).some((r) => r.verbs.includes('impersonate')));
    expect(impersonates(render().out)).toBe(false);
    expect(impersonates(render(['identity.mode=impersonation']).out)).toBe(true);
  });

  it('refuses values that would weaken identity or break the RBAC it ships', () => {
    for (const [set, why] of [
      ['oidc.userPrefix=', /userPrefix/],
      ['oidc.groupPrefix=system:', /groupPrefix/],
      ['oidc.issuer=http://idp.example.com', /issuer/],
      ['identity.mode=anonymous', /mode/],
    ] as const) {
      const r = render([set]);
      expect(r.status, set).not.toBe(0);
      expect(r.err).toMatch(why);
    }
    const elsewhere = render([], 'default');
    expect(elsewhere.status).not.toBe(0);
    expect(elsewhere.err).toContain('install Stratus into the namespace stratus-system');
  });
});
