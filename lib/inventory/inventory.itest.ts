// Hardware power actions against the real API server (the BareMetalHost CRD pinned from
// baremetal-operator) and the simulator playing BMO's power loop, as the operator and a tenant.
import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eventually } from '../../devcluster/src/eventually.testing';
import { fleet } from '../../devcluster/src/seed/fleet';
import { bareMetalHostStatus, METAL3_NAMESPACE } from '../../devcluster/src/seed/hardware';
import { kubeFor } from '../k8s/client';
import { KubeApiError, Refusal } from '../k8s/errors';
import { models } from '../k8s/models';
import type { EventObject } from '../k8s/objects';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { demoViewer, memberOf } from '../testing/viewers';
import { inventoryRow } from './rows';
import { nodeRequests, powerHost, REBOOT_ANNOTATION } from './server';

const admin = new Admin();
const oscar = demoViewer('oscar');
const asOscar = kubeFor(oscar.identity);
const name = uniqueName('bmh');
const server = fleet.find((s) => s.kwok) ?? fleet[0];
let tenant: TestTenant;

const host: KubernetesObject & { spec: unknown } = {
  apiVersion: 'metal3.io/v1alpha1',
  kind: 'BareMetalHost',
  metadata: { name, namespace: METAL3_NAMESPACE, labels: { 'stratus.dev/node': name } },
  spec: { online: true, externallyProvisioned: true },
};

const read = () => asOscar.get(models.baremetalhosts, METAL3_NAMESPACE, name);

beforeAll(async () => {
  if (!server) throw new Error('the fleet seed names no server');
  tenant = await admin.createTenant(uniqueName('it'));
  await admin.create(host);
  await admin.kc.makeApiClient(CustomObjectsApi).patchNamespacedCustomObjectStatus(
    {
      group: 'metal3.io',
      version: 'v1alpha1',
      namespace: METAL3_NAMESPACE,
      plural: 'baremetalhosts',
      name,
      body: { status: bareMetalHostStatus(server, new Date()) },
    },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
});

afterAll(async () => {
  await admin.remove(host);
  await admin.deleteTenant(tenant.name);
});

describe('power', () => {
  it('powers off through spec.online; the host follows; a reboot while off is refused', async () => {
    await powerHost(asOscar, oscar, METAL3_NAMESPACE, name, 'off');
    expect((await read()).spec?.online).toBe(false);
    await eventually('powered off', async () => (await read()).status?.poweredOn === false);
    await expect(
      powerHost(asOscar, oscar, METAL3_NAMESPACE, name, 'reboot'),
    ).rejects.toBeInstanceOf(Refusal);
    await powerHost(asOscar, oscar, METAL3_NAMESPACE, name, 'on');
    await eventually('powered on', async () => (await read()).status?.poweredOn === true);
  });

  it('reboots as BMO does: off, annotation dropped, on again', async () => {
    await powerHost(asOscar, oscar, METAL3_NAMESPACE, name, 'reboot');
    expect((await read()).metadata?.annotations?.[REBOOT_ANNOTATION]).toBe('');
    const done = await eventually('rebooted', async () => {
      const h = await read();
      return h.metadata?.annotations?.[REBOOT_ANNOTATION] === undefined && h.status?.poweredOn && h;
    });
    expect(done.spec?.online).toBe(true);
    const events = await eventually('power events', async () => {
      const list = await asOscar.list(models.events, {
        namespace: METAL3_NAMESPACE,
        fieldSelector: `involvedObject.name=${name}`,
      });
      const items = list.items as EventObject[];
      return items.some((e) => e.reason === 'PowerOff') && items;
    });
    const audit = events.find((e) => e.reason === 'RebootRequested');
    expect(audit?.message).toBe(`Reboot requested by ${oscar.identity.username}`);
  });

  it('refuses a tenant admin before writing, and the API server refuses the patch itself (403)', async () => {
    const alice = memberOf(tenant.name, 'admins');
    const kube = kubeFor(alice.identity);
    const refused = await powerHost(kube, alice, METAL3_NAMESPACE, name, 'off').catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Refusal);
    expect((refused as Refusal).problem.code).toBe('forbidden');
    const direct = await kube
      .patch(models.baremetalhosts, METAL3_NAMESPACE, name, { spec: { online: false } })
      .catch((e: unknown) => e);
    expect((direct as KubeApiError).status).toBe(403);
    const reqs = await nodeRequests(kube).catch((e: unknown) => e);
    expect((reqs as KubeApiError).status).toBe(403);
    expect((await read()).spec?.online).toBe(true);
  });
});

describe('rows from the seeded fleet', () => {
  it('joins every seeded node with its BareMetalHost, HardwareData and NFD, and pod requests', async () => {
    const [nodes, hosts, hardware, features, requests] = await Promise.all([
      asOscar.list(models.nodes),
      asOscar.list(models.baremetalhosts),
      asOscar.list(models.hardwaredata),
      asOscar.list(models.nodefeatures),
      nodeRequests(asOscar),
    ]);
    for (const s of fleet) {
      const n = nodes.items.find((x) => x.metadata?.name === s.node);
      expect(n, s.node).toBeDefined();
      if (!n) continue;
      const r = inventoryRow(n, {
        hosts: hosts.items,
        hardware: hardware.items,
        features: features.items,
        requests,
      });
      expect(r).toMatchObject({
        host: { namespace: METAL3_NAMESPACE, name: s.node },
        vendor: s.system.manufacturer,
        serial: s.system.serialNumber,
        cpuModel: s.cpuModel,
        threads: s.threads,
        memoryBytes: s.memoryGi * 2 ** 30,
      });
      expect(r.disks).toHaveLength(s.disks.length);
      if (s.gpus) expect(r.extended['nvidia.com/gpu']).toBe(s.gpus);
    }
  });
});
