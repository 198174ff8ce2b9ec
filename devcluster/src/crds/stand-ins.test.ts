import { describe, expect, it } from 'vitest';

import { unavailable } from './sources';
import { STAND_IN_ANNOTATION, standInCrd, standInKinds } from './stand-ins';

describe('stand-in CRDs', () => {
  it('cover exactly the kinds whose modules the proxy refuses', () => {
    expect(standInKinds.map((k) => k.kind).sort()).toEqual(
      unavailable.flatMap((u) => u.kinds).sort(),
    );
  });

  it('are marked as stand-ins and keep upstream names', () => {
    const crd = standInCrd({
      group: 'fence-agents-remediation.medik8s.io',
      kind: 'FenceAgentsRemediation',
      plural: 'fenceagentsremediations',
      shortNames: ['far'],
      scope: 'Namespaced',
      status: true,
      module: 'x',
    }) as {
      metadata: { name: string; annotations: Record<string, string> };
      spec: { versions: { name: string; subresources?: object }[] };
    };
    expect(crd.metadata.name).toBe('fenceagentsremediations.fence-agents-remediation.medik8s.io');
    expect(crd.metadata.annotations[STAND_IN_ANNOTATION]).toContain('refused');
    expect(crd.spec.versions[0]).toMatchObject({ name: 'v1alpha1', subresources: { status: {} } });
  });
});
