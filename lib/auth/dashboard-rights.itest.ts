// What the dashboard's own identity may do, exactly — kube-apiserver's own answer
// (SelfSubjectRulesReview, what `kubectl auth can-i --list` prints). In token passthrough people
// bring their own credentials, so the dashboard needs nothing beyond discovery, writing its audit
// records (Events) and the few platform facts it reads as itself (deploy/rbac/stratus.yaml).
import { describe, expect, it } from 'vitest';

import { kubeAsDashboard } from '../k8s/client';

interface Rules {
  status?: {
    resourceRules?: {
      verbs: string[];
      apiGroups?: string[];
      resources?: string[];
      resourceNames?: string[];
    }[];
    nonResourceRules?: { verbs: string[]; nonResourceURLs?: string[] }[];
  };
}

/** `kubectl auth can-i --list -n <namespace>` as the dashboard, one sorted line per rule. */
async function canIList(namespace: string): Promise<string[]> {
  const r = await kubeAsDashboard().request<Rules>(
    'POST',
    '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    {
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectRulesReview',
        spec: { namespace },
      },
    },
  );
  const lines: string[] = [];
  for (const rule of r.status?.resourceRules ?? [])
    for (const group of rule.apiGroups ?? [''])
      for (const res of rule.resources ?? [])
        lines.push(
          `${[...rule.verbs].sort().join(',')} ${group ? `${res}.${group}` : res}` +
            (rule.resourceNames?.length ? ` [${[...rule.resourceNames].sort().join(',')}]` : ''),
        );
  for (const rule of r.status?.nonResourceRules ?? [])
    for (const url of rule.nonResourceURLs ?? [])
      lines.push(`${[...rule.verbs].sort().join(',')} ${url}`);
  return [...new Set(lines)].sort();
}

// Every authenticated identity has these: Kubernetes' system:basic-user, system:discovery and
// system:public-info-viewer, and deploy/rbac's catalogue for everyone signed in.
const everyone = [
  'create selfsubjectaccessreviews.authorization.k8s.io',
  'create selfsubjectreviews.authentication.k8s.io',
  'create selfsubjectrulesreviews.authorization.k8s.io',
  'get /api',
  'get /api/*',
  'get /apis',
  'get /apis/*',
  'get /healthz',
  'get /livez',
  'get /openapi',
  'get /openapi/*',
  'get /readyz',
  'get /version',
  'get /version/',
  'get,list,watch storageclasses.storage.k8s.io',
  'get,list,watch virtualmachineclusterinstancetypes.instancetype.kubevirt.io',
  'get,list,watch virtualmachineclusterpreferences.instancetype.kubevirt.io',
  'get,list,watch volumesnapshotclasses.snapshot.storage.k8s.io',
];

// The dashboard's own: its audit records (lib/clusters/kubeconfig.ts), whether a tenant's Kamaji
// DataStore exists (lib/platform/lookups.ts), everywhere; the session deny-list in its namespace
// (lib/auth/revocations.ts); the add-on catalogue's chart sources (lib/platform/lookups.ts); the
// health of the nodes holding a person's own LINSTOR replicas (lib/volumes/server.ts).
const own = ['create events', 'get datastores.kamaji.clastix.io', 'get,list nodes'];
const byNamespace: Record<string, string[]> = {
  'tenant-acme': [],
  'stratus-system': ['get,list,patch,watch configmaps [stratus-session-revocations]'],
  'stratus-addons': [
    'get helmrepositories.source.toolkit.fluxcd.io',
    'get ocirepositories.source.toolkit.fluxcd.io',
  ],
};

describe("the dashboard's own identity (token passthrough)", () => {
  for (const [namespace, extra] of Object.entries(byNamespace)) {
    it(`may do exactly this in ${namespace}: discovery, its records, a few platform facts`, async () => {
      const rules = await canIList(namespace);
      expect(rules).toEqual([...everyone, ...own, ...extra].sort());
      // Above all: it can't act as anyone else.
      expect(rules.join('\n')).not.toMatch(/impersonate|secrets| \*|^\*/m);
    });
  }
});
