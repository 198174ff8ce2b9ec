// Faults between the dashboard and kube-apiserver, injected by a proxy in front of the real API
// server (lib/testing/fault-proxy.ts): the server drops out after each request of a multi-object
// create in turn (that request done, its answer lost, everything after refused for a moment), and
// answers too slowly. The person is told in their language; nothing of the create is left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CLUSTER_LABEL } from '../clusters/labels';
import { createClusterSchema } from '../clusters/schema';
import { defaultNodeGroup } from '../clusters/draft';
import { buildContext, clusterParts, createClusterObjects, preflight } from '../clusters/server';
import { english, translator } from '../i18n/catalogs';
import { msg, type Msg } from '../i18n/messages';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { apiServerProxy, type FaultProxy } from '../testing/fault-proxy';
import { keyLine } from '../testing/ssh-keys';
import { memberOf } from '../testing/viewers';
import { VM_LABEL } from '../vms/labels';
import { createVmSchema } from '../vms/schema';
import { defaultVm } from '../vms/draft';
import { createVmObjects, vmPreflight } from '../vms/server';
import { kubeFor, type KubeClient } from './client';
import { problemOf, Refusal, type ErrorContext } from './errors';
import { apiVersionOf, models, type ResourceModel } from './models';
import { WriteSetError } from './write-set';

const admin = new Admin();
let tenant: TestTenant;
let proxy: FaultProxy;
let kubeconfig: string;
/** How long the API server stays away after each cut. */
const DOWN_MS = 400;

/** The tenant admin, reaching the API server through the proxy. */
const person = (timeoutMs?: number): KubeClient =>
  kubeFor(memberOf(tenant.name, 'admins').identity, { kubeconfig, timeoutMs });

const ru = translator('ru');

/** What the person reads, in both languages, for a failure (through the one error mapper). */
function told(err: unknown, ctx: ErrorContext) {
  const p = problemOf(err, ctx);
  return { code: p.code, en: english(p.message), ru: ru(p.message) };
}
const sentence = (m: Msg) => ({ en: english(m), ru: ru(m) });

/** The create action's steps for a tenant cluster, as lib/clusters/actions.ts runs them. */
async function createCluster(kube: KubeClient, name: string): Promise<void> {
  const input = createClusterSchema.parse({
    name,
    version: 'v1.33.5',
    controlPlaneReplicas: 1,
    nodeGroups: [defaultNodeGroup],
  });
  const built = await buildContext(kube, tenant.namespace, input);
  if (!built.ok) throw new Refusal(built.problem);
  const refused = await preflight(kube, input, built.ctx);
  if (refused) throw new Refusal(refused);
  await createClusterObjects(kube, input, built.ctx);
}

/** The create action's steps for a VM with an SSH address (a VM and its Service). */
async function createVm(kube: KubeClient, name: string): Promise<void> {
  const input = createVmSchema.parse({
    ...defaultVm,
    name,
    bootSource: 'ubuntu-24-04',
    sshKeys: keyLine('ssh-ed25519'),
    exposeSsh: true,
  });
  const refused = await vmPreflight(kube, tenant.namespace, input);
  if (refused) throw new Refusal(refused);
  await createVmObjects(kube, tenant.namespace, input);
}

/** Objects of `models` labelled `label=name` that nobody is deleting yet (admin's view). */
async function labelled(ms: ResourceModel[], label: string, name: string): Promise<string[]> {
  const found = await Promise.all(
    ms.map(async (m) =>
      (
        await admin.list(apiVersionOf(m), m.kind, {
          namespace: tenant.namespace,
          labelSelector: `${label}=${name}`,
        })
      )
        .filter((o) => !o.metadata?.deletionTimestamp)
        .map((o) => `${m.kind}/${o.metadata?.name}`),
    ),
  );
  return found.flat();
}

/** Waits (bounded) for garbage collection of parts whose answer was lost; returns what is left. */
async function leftAfter(read: () => Promise<string[]>): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  let left = await read();
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    left = await read();
  }
  return left;
}

/** Fails if a cut never happens (the create made fewer requests than expected). */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} in ${ms} ms`)), ms)),
  ]);
}

beforeAll(async () => {
  tenant = await admin.createTenant(uniqueName('fault'));
  ({ proxy, kubeconfig } = await apiServerProxy());
});

afterAll(async () => {
  await proxy?.close();
  if (tenant) await admin.deleteTenant(tenant.name);
});

/**
 * For each request index of a create that succeeds through the proxy: cut after that request,
 * restore shortly after; the create fails as "unreachable" and leaves nothing behind.
 */
async function sweep(
  create: (kube: KubeClient, name: string) => Promise<void>,
  left: (name: string) => Promise<string[]>,
  ctx: ErrorContext,
) {
  proxy.reset();
  const probe = uniqueName('probe');
  await create(person(), probe);
  const total = proxy.requests;
  expect(await left(probe)).not.toEqual([]);
  const outcomes: { index: number; code: string; writeSet: boolean; left: string[] }[] = [];
  const unreachable = sentence(msg('error.unreachable'));
  for (let index = 0; index < total; index++) {
    const name = uniqueName('cut');
    const restored = proxy.cutAfter(index, DOWN_MS);
    const err = await create(person(), name).then(
      () => undefined,
      (e: unknown) => e,
    );
    await within(restored, 30_000, `request ${index} of ${total} never came`);
    const said = told(err, ctx);
    expect({ en: said.en, ru: said.ru }).toEqual(unreachable);
    outcomes.push({
      index,
      code: said.code,
      writeSet: err instanceof WriteSetError,
      left: await leftAfter(() => left(name)),
    });
  }
  proxy.reset();
  // Every cut was reported as unreachable and left nothing; the later ones inside the write set.
  expect(outcomes.filter((o) => o.code !== 'unreachable' || o.left.length)).toEqual([]);
  expect(outcomes.some((o) => o.writeSet)).toBe(true);
  return total;
}

describe('the API server drops out in the middle of a create', () => {
  it('tenant cluster: at every request, the person is told and nothing is orphaned', async () => {
    const total = await sweep(
      createCluster,
      (name) => labelled(clusterParts, CLUSTER_LABEL, name),
      { action: msg('action.create', { kinds: { key: 'model.clusters.plural', lower: true } }) },
    );
    // The reads, then a dry run and a create of each of the 8 objects.
    expect(total).toBeGreaterThanOrEqual(16);
  }, 300_000);

  it('VM with an SSH address: at every request, the person is told and nothing is orphaned', async () => {
    const total = await sweep(
      createVm,
      async (name) => [
        ...(await labelled([models.services], VM_LABEL, name)),
        ...((await admin.intact(
          apiVersionOf(models.virtualmachines),
          'VirtualMachine',
          tenant.namespace,
          name,
        ))
          ? [`VirtualMachine/${name}`]
          : []),
      ],
      {
        action: msg('action.create', {
          kinds: { key: 'model.virtualmachines.plural', lower: true },
        }),
      },
    );
    expect(total).toBeGreaterThanOrEqual(4);
  }, 120_000);
});

describe('a slow API server', () => {
  it('turns a call beyond the client timeout into a timeout sentence, in bounded time', async () => {
    proxy.reset();
    proxy.latencyMs = 5_000;
    try {
      const started = Date.now();
      const err = await person(1_000)
        .list(models.virtualmachines, { namespace: tenant.namespace })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      const took = Date.now() - started;
      expect(told(err, {})).toEqual({ code: 'timeout', ...sentence(msg('error.timeout')) });
      expect(took).toBeGreaterThanOrEqual(1_000);
      expect(took).toBeLessThan(3_500);
      // A create times out at its dry run, before anything is written.
      const name = uniqueName('slow');
      const createErr = await createVm(person(1_000), name).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(told(createErr, {}).code).toBe('timeout');
      proxy.latencyMs = 0;
      expect(
        await admin.get(
          apiVersionOf(models.virtualmachines),
          'VirtualMachine',
          tenant.namespace,
          name,
        ),
      ).toBeUndefined();
    } finally {
      proxy.reset();
    }
  });
});
