// Release actions against the real API server, guardrail policy and the simulator's helm-controller,
// as the operator (oscar) and as a tenant admin.
import type { KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eventually } from '../../devcluster/src/eventually.testing';
import { kubeFor } from '../k8s/client';
import { KubeApiError, Refusal } from '../k8s/errors';
import { models } from '../k8s/models';
import type { EventObject } from '../k8s/objects';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { readyReleaseStatus, testRelease, writeStatus } from '../testing/releases';
import { demoViewer, memberOf } from '../testing/viewers';
import { SUSPENDED_BY } from './annotations';
import { reconcileRelease, setReleaseSuspended } from './server';
import { summarizeRelease } from './status';

const admin = new Admin();
const oscar = demoViewer('oscar');
const asOscar = kubeFor(oscar.identity);
const ns = uniqueName('rel');
const name = 'podinfo';
let tenant: TestTenant;

const namespace: KubernetesObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } };
const release = testRelease(ns, name);

const read = () => asOscar.get(models.helmreleases, ns, name);
const eventsAbout = async () =>
  (
    await asOscar.list(models.events, {
      namespace: ns,
      fieldSelector: `involvedObject.name=${name}`,
    })
  ).items as EventObject[];

beforeAll(async () => {
  tenant = await admin.createTenant(uniqueName('rt'));
  await admin.apply([namespace]);
  await admin.create(release);
  await writeStatus(
    admin,
    { group: 'helm.toolkit.fluxcd.io', version: 'v2', plural: 'helmreleases', namespace: ns, name },
    readyReleaseStatus(ns, name),
  );
});

afterAll(async () => {
  await admin.remove(namespace);
  await admin.deleteTenant(tenant.name);
});

describe('reconcile', () => {
  it('requests a reconcile as the operator, helm-controller handles it, and an Event names them', async () => {
    const { requestedAt } = await reconcileRelease(asOscar, oscar, ns, name, false);
    const hr = await eventually('the request handled', async () => {
      const o = await read();
      return o.status?.lastHandledReconcileAt === requestedAt && o;
    });
    expect(summarizeRelease(hr).pending).toBe(false);
    expect(hr.status?.lastHandledForceAt).toBeUndefined();
    const ev = await eventually('the audit event', async () =>
      (await eventsAbout()).find((e) => e.reason === 'ReconcileRequested'),
    );
    expect(ev.message).toBe(`Reconcile requested by ${oscar.identity.username}`);
    expect(ev.source?.component).toBe('stratus-dashboard');
  });

  it('forces with forceAt equal to requestedAt, and sees lastHandledForceAt', async () => {
    const { requestedAt } = await reconcileRelease(asOscar, oscar, ns, name, true);
    const hr = await eventually('the forced request handled', async () => {
      const o = await read();
      return o.status?.lastHandledForceAt === requestedAt && o;
    });
    expect(hr.status?.lastHandledReconcileAt).toBe(requestedAt);
    // A forced upgrade is a new Helm revision.
    expect(hr.status?.history?.[0]?.version).toBe(4);
  });
});

describe('suspend and resume', () => {
  it('suspends naming the person, refuses to reconcile while suspended, resumes clearing the name', async () => {
    await setReleaseSuspended(asOscar, oscar, ns, name, true);
    const hr = await read();
    expect(hr.spec?.suspend).toBe(true);
    expect(hr.metadata?.annotations?.[SUSPENDED_BY]).toBe(oscar.identity.username);
    expect(summarizeRelease(hr)).toMatchObject({
      state: 'suspended',
      suspendedBy: oscar.identity.username,
    });
    await expect(reconcileRelease(asOscar, oscar, ns, name, false)).rejects.toBeInstanceOf(Refusal);

    await setReleaseSuspended(asOscar, oscar, ns, name, false);
    const resumed = await read();
    expect(resumed.spec?.suspend).toBe(false);
    expect(resumed.metadata?.annotations?.[SUSPENDED_BY]).toBeUndefined();
    const reasons = (await eventsAbout()).map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Suspended', 'Resumed']));
  });

  it('refuses, at admission, a suspended-by naming someone else', async () => {
    const err = await asOscar
      .patch(models.helmreleases, ns, name, {
        metadata: { annotations: { [SUSPENDED_BY]: 'oidc:alice@acme.example' } },
        spec: { suspend: true },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeApiError);
    expect((err as KubeApiError).message).toContain('may only name the person making the change');
    expect((await read()).spec?.suspend).toBe(false);
  });

  it('refuses, at admission, changing what the release installs', async () => {
    const err = await asOscar
      .patch(models.helmreleases, ns, name, { spec: { values: { replicaCount: 9 } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeApiError);
    expect((await read()).spec?.values).toEqual({ replicaCount: 2 });
  });
});

describe('a tenant admin', () => {
  it('is refused by the API server (403) for platform releases', async () => {
    const alice = memberOf(tenant.name, 'admins');
    const kube = kubeFor(alice.identity);
    for (const run of [
      () => reconcileRelease(kube, alice, ns, name, false),
      () => setReleaseSuspended(kube, alice, ns, name, true),
    ]) {
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KubeApiError);
      expect((err as KubeApiError).status).toBe(403);
    }
    expect((await read()).spec?.suspend).toBe(false);
  });
});
