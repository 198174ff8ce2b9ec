// The subresource API as the dashboard reaches it: through the real kube-apiserver, which checks
// RBAC for the impersonated person and proxies (WebSockets too) to the virt-api stand-in.
import https from 'node:https';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { kubeFor } from '../../../lib/k8s/client.ts';
import { KubeApiError } from '../../../lib/k8s/errors.ts';
import { Admin, uniqueName, type TestTenant } from '../../../lib/testing/admin.ts';
import { rejectionOf } from '../../../lib/testing/errors.ts';
import { memberOf } from '../../../lib/testing/viewers.ts';
import { profile } from '../config.ts';
import { images, vmObject } from '../seed/workloads.ts';
import type { KObj } from '../simulator/kube/types.ts';
import { findText } from './vnc/framebuffer.ts';
import { encodePixelFormat, serverFormat } from './vnc/rfb.ts';
import { colors, titleOf } from './vnc/screen.ts';
import { isRefused, openStream, type Reader } from './streams.testing.ts';
import type { Vm, Vmi } from './types.ts';

const admin = new Admin();
const sub = (ns: string, res: string, name: string, action: string) =>
  `/apis/subresources.kubevirt.io/v1/namespaces/${ns}/${res}/${name}/${action}`;

async function eventually<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last error: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const vmOf = async (ns: string, name: string): Promise<Vm> =>
  (await admin.get('kubevirt.io/v1', 'VirtualMachine', ns, name)) as Vm;
const vmiOf = async (ns: string, name: string): Promise<Vmi | undefined> =>
  (await admin.get('kubevirt.io/v1', 'VirtualMachineInstance', ns, name)) as Vmi | undefined;

describe('subresources.kubevirt.io through kube-apiserver aggregation', () => {
  let tenant: TestTenant;
  let other: TestTenant;
  const vm = uniqueName('vm');

  beforeAll(async () => {
    [tenant, other] = await Promise.all([
      admin.createTenant(uniqueName('it-virt')),
      admin.createTenant(uniqueName('it-virt-other')),
    ]);
    await admin.createVm(tenant.namespace, vm);
  });
  afterAll(async () => {
    await Promise.all([admin.deleteTenant(tenant.name), admin.deleteTenant(other.name)]);
  });

  const adminOf = () => kubeFor(memberOf(tenant.name, 'admins').identity);
  const put = (action: string, body: unknown = {}, res = 'virtualmachines') =>
    adminOf().request('PUT', sub(tenant.namespace, res, vm, action), { body });

  it("refuses viewers and other tenants' admins in kube-apiserver, before the stand-in", async () => {
    for (const who of [memberOf(tenant.name, 'viewers'), memberOf(other.name, 'admins')]) {
      const err = await rejectionOf(
        kubeFor(who.identity).request(
          'PUT',
          sub(tenant.namespace, 'virtualmachines', vm, 'start'),
          { body: {} },
        ),
      );
      expect(err).toBeInstanceOf(KubeApiError);
      expect((err as KubeApiError).status).toBe(403);
      // kube-apiserver's RBAC wording (the stand-in would say "Unauthorized" with a 401).
      expect((err as KubeApiError).message).toContain(
        `cannot update resource "virtualmachines/start" in API group "subresources.kubevirt.io"`,
      );
    }
    expect((await vmOf(tenant.namespace, vm)).spec.runStrategy).toBe('Halted');
  });

  it('honours dryRun: validated, nothing written', async () => {
    await put('start', { dryRun: ['All'] });
    expect((await vmOf(tenant.namespace, vm)).spec.runStrategy).toBe('Halted');
  });

  it('starts a Halted VM for a tenant admin: runStrategy Always, and the simulator brings it up', async () => {
    await put('start');
    expect((await vmOf(tenant.namespace, vm)).spec.runStrategy).toBe('Always');
    await eventually('the VMI running', async () =>
      (await vmiOf(tenant.namespace, vm))?.status?.phase === 'Running' ? true : undefined,
    );
    const err = await rejectionOf(put('start'));
    expect((err as KubeApiError).status).toBe(409);
    expect((err as KubeApiError).message).toBe(
      `Operation cannot be fulfilled on virtualmachine.kubevirt.io "${vm}": VM is already running`,
    );
  });

  it('pauses and unpauses: the VMI gets Paused=True and the VM shows Paused', async () => {
    await put('pause', {}, 'virtualmachineinstances');
    const vmi = await vmiOf(tenant.namespace, vm);
    expect(vmi?.status?.conditions?.find((c) => c.type === 'Paused')).toMatchObject({
      status: 'True',
      reason: 'PausedByUser',
    });
    await eventually('printableStatus Paused', async () =>
      (await vmOf(tenant.namespace, vm)).status?.printableStatus === 'Paused' ? true : undefined,
    );
    await put('unpause', {}, 'virtualmachineinstances');
    await eventually('printableStatus Running', async () =>
      (await vmOf(tenant.namespace, vm)).status?.printableStatus === 'Running' ? true : undefined,
    );
  });

  it('refuses a viewer the VNC WebSocket in kube-apiserver', async () => {
    const res = await openStream(
      memberOf(tenant.name, 'viewers').identity,
      tenant.namespace,
      vm,
      'vnc',
    );
    if (!isRefused(res)) throw new Error('viewer got a VNC session');
    expect(res.status).toBe(403);
    expect(res.body).toContain('forbidden');
    expect(res.body).toContain('cannot get resource \\"virtualmachineinstances/vnc\\"');
  });

  it('serves VNC: RFB 3.8 handshake, a screen with the VM name, and keys that change it', async () => {
    const s = await openStream(
      memberOf(tenant.name, 'admins').identity,
      tenant.namespace,
      vm,
      'vnc',
    );
    if (isRefused(s)) throw new Error(`VNC refused: ${s.status} ${s.body}`);
    const { ws, reader: r } = s;
    try {
      expect(ws.protocol).toBe('plain.kubevirt.io');
      expect((await r.read(12)).toString()).toBe('RFB 003.008\n');
      ws.send(Buffer.from('RFB 003.008\n'));
      expect([...(await r.read(2))]).toEqual([1, 1]);
      ws.send(Buffer.from([1]));
      expect((await r.read(4)).readUInt32BE(0)).toBe(0);
      ws.send(Buffer.from([1]));
      const init = await r.read(24);
      const [width, height] = [init.readUInt16BE(0), init.readUInt16BE(2)];
      expect((await r.read(init.readUInt32BE(20))).toString()).toBe(`${tenant.namespace}_${vm}`);
      // noVNC's format: red in the low byte.
      const f = { ...serverFormat, redShift: 0, blueShift: 16 };
      ws.send(Buffer.concat([Buffer.from([0, 0, 0, 0]), encodePixelFormat(f)]));
      ws.send(updateRequest(false, width, height));
      const first = await readUpdate(r, f);
      expect(first.w * first.h).toBe(width * height);
      expect(new Set(first.pixels).size).toBeGreaterThan(2);
      expect(
        findText(
          first.pixels,
          width,
          height,
          titleOf({ namespace: tenant.namespace, name: vm }),
          colors.titleText,
          2,
        ),
      ).toBeDefined();

      ws.send(updateRequest(true, width, height));
      ws.send(Buffer.concat([key(true, 0x7a), key(false, 0x7a)]));
      const next = await readUpdate(r, f);
      expect(next.w * next.h).toBeGreaterThan(0);
      const changed = next.pixels.some(
        (p, i) =>
          p !== first.pixels[(next.y + Math.floor(i / next.w)) * width + next.x + (i % next.w)],
      );
      expect(changed).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('refuses a second viewer with preserveSession=true; without it the new viewer takes over', async () => {
    const who = memberOf(tenant.name, 'admins').identity;
    const first = await openStream(who, tenant.namespace, vm, 'vnc');
    if (isRefused(first)) throw new Error(`VNC refused: ${first.body}`);
    await first.reader.read(12);
    const second = await openStream(who, tenant.namespace, vm, 'vnc', '?preserveSession=true');
    if (!isRefused(second)) throw new Error('second viewer connected');
    expect(second.status).toBe(500);
    expect(JSON.parse(second.body)).toMatchObject({
      kind: 'Status',
      message:
        "Internal error occurred: Can't connect to websocket (503): websocket: bad handshake: application info: Active VNC connection. Request denied.",
    });
    const third = await openStream(who, tenant.namespace, vm, 'vnc');
    if (isRefused(third)) throw new Error(`VNC refused: ${third.body}`);
    await first.reader.waitClosed();
    expect((await third.reader.read(12)).toString()).toBe('RFB 003.008\n');
    third.ws.close();
  });

  it('serves the serial console: boot lines, a login prompt, typed text echoed', async () => {
    const s = await openStream(
      memberOf(tenant.name, 'admins').identity,
      tenant.namespace,
      vm,
      'console',
    );
    if (isRefused(s)) throw new Error(`console refused: ${s.status} ${s.body}`);
    const { ws, reader: r } = s;
    try {
      expect(await r.readUntil(`${vm} login: `)).toContain('Linux version');
      ws.send(Buffer.from('hello-console'));
      expect(await r.readUntil('hello-console')).toBe('hello-console');
      ws.send(Buffer.from('\r'));
      expect(await r.readUntil('Password: ')).toContain('Password: ');
    } finally {
      ws.close();
    }
  });

  it('refuses to migrate a VMI that is not live-migratable, with the webhook message virt-api relays', async () => {
    // A VM on a ReadWriteOnce disk: virt-handler itself reports LiveMigratable=False (a patched
    // condition would be recomputed by it at its next sync and race the request).
    const rwo = uniqueName('vm-rwo');
    const o = vmObject({
      name: rwo,
      namespace: tenant.namespace,
      instancetype: 'u1.small',
      preference: 'ubuntu',
      image: images.ubuntu,
      rootSize: '10Gi',
      storageClass: 'replicated',
      runStrategy: 'Always',
    }) as KObj & { spec: { dataVolumeTemplates: { spec: { storage: object } }[] } };
    const root = o.spec.dataVolumeTemplates[0];
    if (!root) throw new Error('the VM has no root disk template');
    root.spec.storage = {
      ...root.spec.storage,
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Filesystem',
    };
    await adminOf().request(
      'POST',
      `/apis/kubevirt.io/v1/namespaces/${tenant.namespace}/virtualmachines`,
      {
        body: o,
      },
    );
    const reason = await eventually(
      'virt-handler to report LiveMigratable=False',
      async () => {
        const c = (await vmiOf(tenant.namespace, rwo))?.status?.conditions?.find(
          (x) => x.type === 'LiveMigratable',
        );
        return c?.status === 'False' ? c : undefined;
      },
      60_000,
    );
    expect(reason.reason).toBe('DisksNotLiveMigratable');
    const err = await rejectionOf(
      adminOf().request('PUT', sub(tenant.namespace, 'virtualmachines', rwo, 'migrate'), {
        body: {},
      }),
    );
    expect((err as KubeApiError).status).toBe(500);
    expect((err as KubeApiError).message).toBe(
      `Internal error occurred: admission webhook "migration-create-validator.kubevirt.io" denied the request: Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: cannot migrate VMI: PVC ${rwo}-root is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`,
    );
    const migrations = await admin.list('kubevirt.io/v1', 'VirtualMachineInstanceMigration', {
      namespace: tenant.namespace,
    });
    expect(migrations).toEqual([]);
  });

  it('refuses requests that skip kube-apiserver: no front-proxy certificate, forged headers', async () => {
    const res = await direct(sub(tenant.namespace, 'virtualmachines', vm, 'stop'), {
      'X-Remote-User': 'system:admin',
      'X-Remote-Group': 'system:masters',
    });
    expect(res).toEqual({ status: 401, body: 'request is not authenticated' });
    expect((await vmOf(tenant.namespace, vm)).spec.runStrategy).toBe('Always');
  });
});

function updateRequest(incremental: boolean, w: number, h: number): Buffer {
  const b = Buffer.alloc(10);
  b.writeUInt8(3, 0);
  b.writeUInt8(incremental ? 1 : 0, 1);
  b.writeUInt16BE(w, 6);
  b.writeUInt16BE(h, 8);
  return b;
}

function key(down: boolean, keysym: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt8(4, 0);
  b.writeUInt8(down ? 1 : 0, 1);
  b.writeUInt32BE(keysym, 4);
  return b;
}

/** One FramebufferUpdate with one raw rectangle, decoded to 0xRRGGBB. */
async function readUpdate(r: Reader, f: typeof serverFormat) {
  const head = await r.read(4);
  expect(head.readUInt8(0)).toBe(0);
  expect(head.readUInt16BE(2)).toBe(1);
  const rect = await r.read(12);
  const [x, y, w, h] = [0, 2, 4, 6].map((o) => rect.readUInt16BE(o)) as [
    number,
    number,
    number,
    number,
  ];
  expect(rect.readInt32BE(8)).toBe(0);
  const data = await r.read(w * h * 4);
  const pixels: number[] = [];
  for (let i = 0; i < w * h; i++) {
    const v = data.readUInt32LE(i * 4);
    pixels.push(
      (((v >> f.redShift) & 255) << 16) |
        (((v >> f.greenShift) & 255) << 8) |
        ((v >> f.blueShift) & 255),
    );
  }
  return { x, y, w, h, pixels };
}

/** A PUT straight to the stand-in's port, with no client certificate. */
function direct(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: profile('test').ports.virtApi,
        path,
        method: 'PUT',
        headers,
        rejectUnauthorized: false,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}
