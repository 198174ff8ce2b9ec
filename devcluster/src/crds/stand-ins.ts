// Stand-in CRDs for the three stacks whose modules the Go proxy refuses (see `unavailable` in
// sources.ts): Piraeus/LINSTOR, medik8s fence-agents-remediation and self-node-remediation.
// They carry upstream's group, version, names, scope, short names, status subresource and printer
// columns, but a permissive schema, because the real one cannot be had here. Each is annotated so no
// one mistakes it for upstream's; replace them with the module's YAML once the proxy serves it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import YAML from 'yaml';

export const STAND_IN_ANNOTATION = 'devcluster.stratus/stand-in';

interface StandIn {
  group: string;
  kind: string;
  plural: string;
  shortNames?: string[];
  scope: 'Namespaced' | 'Cluster';
  status: boolean;
  columns?: { name: string; jsonPath: string; type?: string }[];
  module: string;
}

const age = { name: 'Age', jsonPath: '.metadata.creationTimestamp', type: 'date' };

const standIns: StandIn[] = [
  {
    group: 'piraeus.io',
    kind: 'LinstorCluster',
    plural: 'linstorclusters',
    scope: 'Cluster',
    status: true,
    module: 'piraeus-operator/v2',
    columns: [
      { name: 'Satellites', jsonPath: '.status.satellites' },
      { name: 'Used Capacity', jsonPath: '.status.capacity' },
      age,
    ],
  },
  {
    group: 'piraeus.io',
    kind: 'LinstorSatellite',
    plural: 'linstorsatellites',
    scope: 'Cluster',
    status: true,
    module: 'piraeus-operator/v2',
    columns: [
      { name: 'Connected', jsonPath: ".status.conditions[?(@.type=='Available')].status" },
      { name: 'Used Capacity', jsonPath: '.status.capacity' },
      age,
    ],
  },
  {
    group: 'piraeus.io',
    kind: 'LinstorSatelliteConfiguration',
    plural: 'linstorsatelliteconfigurations',
    scope: 'Cluster',
    status: true,
    module: 'piraeus-operator/v2',
    columns: [age],
  },
  {
    group: 'piraeus.io',
    kind: 'LinstorNodeConnection',
    plural: 'linstornodeconnections',
    scope: 'Cluster',
    status: true,
    module: 'piraeus-operator/v2',
    columns: [age],
  },
  {
    group: 'fence-agents-remediation.medik8s.io',
    kind: 'FenceAgentsRemediation',
    plural: 'fenceagentsremediations',
    shortNames: ['far'],
    scope: 'Namespaced',
    status: true,
    module: 'fence-agents-remediation',
    columns: [{ name: 'Agent', jsonPath: '.spec.agent' }, age],
  },
  {
    group: 'fence-agents-remediation.medik8s.io',
    kind: 'FenceAgentsRemediationTemplate',
    plural: 'fenceagentsremediationtemplates',
    shortNames: ['fartemplate'],
    scope: 'Namespaced',
    status: true,
    module: 'fence-agents-remediation',
    columns: [age],
  },
  {
    group: 'self-node-remediation.medik8s.io',
    kind: 'SelfNodeRemediation',
    plural: 'selfnoderemediations',
    shortNames: ['snr'],
    scope: 'Namespaced',
    status: true,
    module: 'self-node-remediation',
    columns: [{ name: 'Phase', jsonPath: '.status.phase' }, age],
  },
  {
    group: 'self-node-remediation.medik8s.io',
    kind: 'SelfNodeRemediationTemplate',
    plural: 'selfnoderemediationtemplates',
    shortNames: ['snrt'],
    scope: 'Namespaced',
    status: true,
    module: 'self-node-remediation',
    columns: [age],
  },
  {
    group: 'self-node-remediation.medik8s.io',
    kind: 'SelfNodeRemediationConfig',
    plural: 'selfnoderemediationconfigs',
    shortNames: ['snrc'],
    scope: 'Namespaced',
    status: true,
    module: 'self-node-remediation',
    columns: [age],
  },
];

const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

export function standInCrd(s: StandIn): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${s.plural}.${s.group}`,
      annotations: {
        [STAND_IN_ANNOTATION]: `${s.module}: module refused by the Go module proxy; upstream names, permissive schema`,
      },
    },
    spec: {
      group: s.group,
      scope: s.scope,
      names: {
        kind: s.kind,
        listKind: `${s.kind}List`,
        plural: s.plural,
        singular: s.kind.toLowerCase(),
        ...(s.shortNames ? { shortNames: s.shortNames } : {}),
      },
      versions: [
        {
          name: 'v1' + (s.group === 'piraeus.io' ? '' : 'alpha1'),
          served: true,
          storage: true,
          ...(s.status ? { subresources: { status: {} } } : {}),
          // The API server requires a type on every printer column; string unless stated.
          additionalPrinterColumns: (s.columns ?? []).map((c) => ({ type: 'string', ...c })),
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                apiVersion: { type: 'string' },
                kind: { type: 'string' },
                metadata: { type: 'object' },
                spec: open,
                status: open,
              },
            },
          },
        },
      ],
    },
  };
}

/** Writes the stand-ins next to the prepared CRDs and returns their paths. */
export async function prepareStandIns(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    standIns.map(async (s) => {
      const file = path.join(dir, `${s.plural}.${s.group}.yaml`);
      await writeFile(file, YAML.stringify(standInCrd(s)));
      return file;
    }),
  );
}

export const standInKinds = standIns.map((s) => ({ group: s.group, kind: s.kind }));
