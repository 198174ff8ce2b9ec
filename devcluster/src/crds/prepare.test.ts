import fs from 'node:fs';
import { dumpYaml, loadYaml, type V1CustomResourceDefinition } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { cacheDir } from '../config.ts';
import { prepareCrds } from './prepare.ts';
import { requiredKinds } from './sources.ts';

interface Crd {
  file: string;
  text: string;
  doc: V1CustomResourceDefinition;
}

let crds: Crd[] = [];
const byName = (name: string) => crds.find((c) => c.doc.metadata?.name === name)?.doc;

// The shared cache makes this fast after the first run anywhere on the machine.
beforeAll(async () => {
  const files = await prepareCrds(cacheDir);
  crds = files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return { file, text, doc: YAML.parse(text) as V1CustomResourceDefinition };
  });
}, 300_000);

describe('prepareCrds', () => {
  it('yields every kind the dashboard needs', () => {
    const have = new Set(crds.map((c) => `${c.doc.spec.names.kind}.${c.doc.spec.group}`));
    const missing = requiredKinds.filter((k) => !have.has(`${k.kind}.${k.group}`));
    expect(missing).toEqual([]);
  });

  it('names each file after its CRD', () => {
    for (const c of crds) expect(c.file.endsWith(`/${c.doc.metadata?.name}.yaml`)).toBe(true);
  });

  it('leaves no conversion webhook and no cert-manager injection', () => {
    for (const { doc } of crds) {
      expect(doc.spec.conversion?.strategy ?? 'None', doc.metadata?.name).toBe('None');
      expect(doc.spec.conversion?.webhook, doc.metadata?.name).toBeUndefined();
      const keys = Object.keys(doc.metadata?.annotations ?? {});
      expect(
        keys.filter((k) => /cert-manager|webhook/.test(k)),
        doc.metadata?.name,
      ).toEqual([]);
    }
  });

  it('keeps exactly one storage version with a schema on every version', () => {
    for (const { doc } of crds) {
      expect(
        doc.spec.versions.filter((v) => v.storage),
        doc.metadata?.name,
      ).toHaveLength(1);
      for (const v of doc.spec.versions)
        expect(v.schema?.openAPIV3Schema, doc.metadata?.name).toBeDefined();
    }
  });

  it('stores Cluster API clusters as v1beta2', () => {
    const storage = byName('clusters.cluster.x-k8s.io')?.spec.versions.find((v) => v.storage);
    expect(storage?.name).toBe('v1beta2');
  });

  it('wraps the KubeVirt schemas as crds.go does', () => {
    const vm = byName('virtualmachines.kubevirt.io');
    expect(vm?.spec.versions.map((v) => v.name)).toEqual(['v1', 'v1alpha3']);
    for (const v of vm?.spec.versions ?? []) {
      expect(v.schema?.openAPIV3Schema?.properties?.spec?.required).toContain('template');
      expect(v.subresources?.status).toEqual({});
    }
    expect(vm?.spec.names.shortNames).toEqual(['vm', 'vms']);
    // Upstream quirk: VMI status is part of the main resource, not a subresource.
    const vmi = byName('virtualmachineinstances.kubevirt.io');
    expect(vmi?.spec.versions[0]?.subresources).toBeUndefined();
    expect(
      byName('virtualmachineinstancemigrations.kubevirt.io')?.spec.versions[0]?.subresources,
    ).toEqual({ status: {} });
    expect(byName('virtualmachineclusterinstancetypes.instancetype.kubevirt.io')?.spec.scope).toBe(
      'Cluster',
    );
  });

  it('serves KubeVirt snapshots and restores as v1beta1, v1alpha1 still served', () => {
    for (const name of [
      'virtualmachinesnapshots',
      'virtualmachinesnapshotcontents',
      'virtualmachinerestores',
    ]) {
      const crd = byName(`${name}.snapshot.kubevirt.io`);
      expect(crd?.spec.versions.map((v) => [v.name, v.storage])).toEqual([
        ['v1alpha1', false],
        ['v1beta1', true],
      ]);
      expect(crd?.spec.versions[1]?.subresources).toEqual({ status: {} });
    }
    const snap = byName('virtualmachinesnapshots.snapshot.kubevirt.io');
    expect(snap?.spec.versions[1]?.schema?.openAPIV3Schema?.properties?.status).toBeDefined();
  });

  // Large schemas (KubeVirt's, Cluster API's) take seconds to round-trip on a busy machine.
  it('survives the client-node typed model unchanged, which installCrds relies on', () => {
    for (const c of crds) {
      const roundTrip: unknown = YAML.parse(dumpYaml(loadYaml(c.text)));
      expect(roundTrip, c.doc.metadata?.name).toEqual(c.doc);
    }
  }, 60_000);

  it('is served from the cache after the first call: same files, none rewritten', async () => {
    const before = crds.map((c) => [c.file, fs.statSync(c.file).mtimeMs]);
    const again = await prepareCrds(cacheDir);
    expect(again).toEqual(crds.map((c) => c.file));
    expect(again.map((f) => [f, fs.statSync(f).mtimeMs])).toEqual(before);
  });
});
