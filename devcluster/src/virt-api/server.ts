// The stand-in's HTTP side: authentication as virt-api does it, discovery, the lifecycle PUTs and
// guestosinfo. Reads and writes go out with the stand-in's own identity: kube-apiserver (and the
// SubjectAccessReview here) already decided the person may do this.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

import { ApiError, type Rest } from '../simulator/kube/rest.ts';
import { pathOf, R } from '../simulator/kube/types.ts';
import { accessReview, checkPeer, isOpenPath, personOf, type Person } from './auth.ts';
import { discovery } from './discovery.ts';
import * as lifecycle from './lifecycle.ts';
import { badRequest, conflict, internal, isStatus, notFound, type Status } from './status.ts';
import { conditionOf, type Migration, type Vm, type Vmi } from './types.ts';

const SUB =
  /^\/apis\/subresources\.kubevirt\.io\/(v1|v1alpha3)\/namespaces\/([^/]+)\/(virtualmachines|virtualmachineinstances)\/([^/]+)\/(.+)$/;

export interface Target {
  namespace: string;
  resource: 'virtualmachines' | 'virtualmachineinstances';
  name: string;
  sub: string;
}

export function targetOf(path: string): Target | undefined {
  const m = SUB.exec(path);
  if (!m) return undefined;
  const [, , namespace = '', resource, name = '', sub = ''] = m;
  return {
    namespace,
    resource: resource === 'virtualmachines' ? resource : 'virtualmachineinstances',
    name,
    sub,
  };
}

/** A plain-text or Status answer, written before any upgrade. */
export interface Answer {
  code: number;
  body: string;
  type: string;
}

const statusAnswer = (s: Status): Answer => ({
  code: s.code,
  body: JSON.stringify(s),
  type: 'application/json',
});
const textAnswer = (code: number, body: string): Answer => ({
  code,
  body,
  type: 'text/plain; charset=utf-8',
});

const dryRunOf = (o: { dryRun?: unknown }): boolean =>
  Array.isArray(o.dryRun) && o.dryRun[0] === 'All';

export class VirtApi {
  constructor(private readonly rest: Rest) {}

  /** Upstream's filter: open paths pass; everything else needs the front proxy, a person and RBAC. */
  async authorize(req: IncomingMessage, path: string): Promise<Person | Answer | undefined> {
    if (isOpenPath(path)) return undefined;
    const peer = checkPeer(req.socket as TLSSocket);
    if (peer) return textAnswer(401, peer.refused);
    const person = personOf(req.headersDistinct);
    if ('refused' in person) return textAnswer(401, person.refused);
    const review = accessReview(person, req.method ?? 'GET', path);
    if ('refused' in review) return textAnswer(401, review.refused);
    try {
      const res = await this.rest.request<{ status?: { allowed?: boolean; reason?: string } }>(
        'POST',
        '/apis/authorization.k8s.io/v1/subjectaccessreviews',
        { body: review },
      );
      return res.status?.allowed ? person : textAnswer(401, res.status?.reason ?? '');
    } catch {
      return { code: 500, body: '', type: 'text/plain' };
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://virt-api');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const auth = await this.authorize(req, path);
    if (auth && 'code' in auth) return send(res, auth);
    const body = await readBody(req);
    send(res, await this.route(req.method ?? 'GET', path, body, req.headers.upgrade));
  }

  private async route(
    method: string,
    path: string,
    raw: string,
    upgrade: string | undefined,
  ): Promise<Answer> {
    if (path === '/healthz' || /^\/apis\/subresources\.kubevirt\.io\/[^/]+\/healthz$/.test(path))
      return {
        code: 200,
        body: JSON.stringify({ apiserver: { connectivity: 'ok' } }),
        type: 'application/json',
      };
    const doc = method === 'GET' ? discovery(path) : undefined;
    if (doc) return { code: 200, body: JSON.stringify(doc), type: 'application/json' };
    const t = targetOf(path);
    if (!t) return textAnswer(404, '404 page not found');
    let opts: Record<string, unknown> = {};
    if (raw.trim()) {
      try {
        opts = JSON.parse(raw) as Record<string, unknown>;
      } catch (err) {
        return statusAnswer(
          badRequest(`Can not unmarshal Request body to struct, error: ${(err as Error).message}`),
        );
      }
    }
    try {
      const key = `${method} ${t.resource}/${t.sub}`;
      switch (key) {
        case 'PUT virtualmachines/start':
        case 'PUT virtualmachines/stop':
        case 'PUT virtualmachines/restart':
        case 'PUT virtualmachines/migrate':
          return await this.vmAction(t, opts);
        case 'PUT virtualmachineinstances/pause':
        case 'PUT virtualmachineinstances/unpause':
          return await this.vmiAction(t, opts);
        case 'GET virtualmachineinstances/guestosinfo':
          return await this.guestOsInfo(t);
        case 'GET virtualmachineinstances/vnc':
        case 'GET virtualmachineinstances/console': {
          // Reached only without an Upgrade header (sockets.ts takes upgrades); upstream validates
          // and dials first, then fails the upgrade.
          const vmi = await this.getVmi(t);
          if (isStatus(vmi)) return statusAnswer(vmi);
          const invalid = validateStream(t.sub, vmi);
          if (invalid) return statusAnswer(invalid);
          return statusAnswer(
            badRequest(
              upgrade
                ? 'websocket: the client is not using the websocket protocol'
                : "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header",
            ),
          );
        }
        default:
          return textAnswer(404, '404 page not found');
      }
    } catch (err) {
      return statusAnswer(internal(messageOf(err)));
    }
  }

  private async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.rest.request<T>('GET', path);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  async getVm(t: Target): Promise<Vm | Status> {
    const vm = await this.find<Vm>(pathOf(R.virtualMachine, t.namespace, t.name));
    return vm ?? notFound('virtualmachine', t.name);
  }

  async getVmi(t: Target): Promise<Vmi | Status> {
    const vmi = await this.find<Vmi>(pathOf(R.virtualMachineInstance, t.namespace, t.name));
    return vmi ?? notFound('virtualmachineinstance', t.name);
  }

  private async vmAction(t: Target, opts: Record<string, unknown>): Promise<Answer> {
    const vm = await this.getVm(t);
    if (isStatus(vm)) return statusAnswer(vm);
    const found = await this.getVmi(t);
    const vmi = isStatus(found) ? undefined : found;
    let decision: lifecycle.Decision;
    switch (t.sub) {
      case 'start':
        decision = lifecycle.start(vm, vmi, { paused: opts.paused === true });
        break;
      case 'stop':
        decision = lifecycle.stop(vm, vmi, { gracePeriod: numberOf(opts.gracePeriod) });
        break;
      case 'restart':
        decision = lifecycle.restart(vm, vmi, {
          gracePeriodSeconds: numberOf(opts.gracePeriodSeconds),
        });
        break;
      default: {
        if (!vmi) return statusAnswer(notFound('virtualmachineinstance', t.name));
        const migrations = await this.rest.request<{ items: Migration[] }>(
          'GET',
          `/apis/kubevirt.io/v1/namespaces/${t.namespace}/virtualmachineinstancemigrations`,
          { query: { labelSelector: `kubevirt.io/vmi-name=${t.name}` } },
        );
        decision = lifecycle.migrate(vm, vmi, migrations.items, {
          addedNodeSelector: opts.addedNodeSelector as Record<string, string> | undefined,
        });
      }
    }
    return this.perform(t, decision, dryRunOf(opts));
  }

  private async vmiAction(t: Target, opts: Record<string, unknown>): Promise<Answer> {
    let vm: Vm | undefined;
    if (t.sub === 'unpause') {
      const found = await this.getVm(t);
      vm = isStatus(found) ? undefined : found;
    }
    const vmi = await this.getVmi(t);
    if (isStatus(vmi)) return statusAnswer(vmi);
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const decision = t.sub === 'pause' ? lifecycle.pause(vmi, now) : lifecycle.unpause(vm, vmi);
    // Upstream returns before asking virt-handler on a dry run: validation only.
    if (dryRunOf(opts) && !decision.error) return textAnswer(200, '');
    return this.perform(t, decision, false);
  }

  private async perform(t: Target, d: lifecycle.Decision, dryRun: boolean): Promise<Answer> {
    const query = dryRun
      ? { dryRun: 'All', fieldManager: 'virt-api' }
      : { fieldManager: 'virt-api' };
    for (const w of d.writes) {
      const vmPath = pathOf(R.virtualMachine, t.namespace, t.name);
      try {
        if (w.kind === 'createMigration') {
          await this.rest.request(
            'POST',
            `/apis/kubevirt.io/v1/namespaces/${t.namespace}/virtualmachineinstancemigrations`,
            {
              body: w.body,
              query,
            },
          );
          continue;
        }
        const path =
          w.kind === 'patchVm'
            ? vmPath
            : w.kind === 'patchVmStatus'
              ? `${vmPath}/status`
              : pathOf(R.virtualMachineInstance, t.namespace, t.name);
        await this.rest.request('PATCH', path, {
          body: w.patch,
          contentType: 'application/json-patch+json',
          query,
        });
      } catch (err) {
        const msg = messageOf(err);
        if (w.kind !== 'patchVmi' && msg.includes('jsonpatch test operation does not apply'))
          return statusAnswer(conflict('virtualmachine', t.name, msg));
        return statusAnswer(internal(msg));
      }
    }
    if (d.error) return statusAnswer(d.error);
    return textAnswer(d.code, '');
  }

  private async guestOsInfo(t: Target): Promise<Answer> {
    const vmi = await this.getVmi(t);
    // httpGetRequestHandler answers every preparation failure as a plain-text 500.
    if (isStatus(vmi)) return textAnswer(500, vmi.message);
    if (vmi.status?.phase !== 'Running')
      return textAnswer(
        500,
        conflict('virtualmachineinstance', t.name, 'VMI is not running').message,
      );
    if (!conditionOf(vmi, 'AgentConnected'))
      return textAnswer(
        500,
        conflict('virtualmachineinstance', t.name, 'VMI does not have guest agent connected')
          .message,
      );
    const os = vmi.status.guestOSInfo ?? {};
    const info = {
      guestAgentVersion: '8.2.0',
      supportedCommands: [
        { name: 'guest-info', enabled: true },
        { name: 'guest-get-osinfo', enabled: true },
      ],
      hostname: t.name,
      os: { ...os, machine: 'x86_64', kernelVersion: '#1 SMP PREEMPT_DYNAMIC' },
      timezone: 'UTC, 0',
      userList: [],
      fsInfo: { disks: [] },
    };
    return { code: 200, body: JSON.stringify(info), type: 'application/json' };
  }
}

/** virt-api's checks before a console or VNC stream (rest/console.go, rest/vnc.go). */
export function validateStream(sub: string, vmi: Vmi): Status | undefined {
  const devices = vmi.spec.domain?.devices;
  if (sub === 'vnc') {
    if (devices?.autoattachGraphicsDevice === false)
      return badRequest('No graphics devices are present.');
    if (vmi.status?.phase !== 'Running') return badRequest('VMI is not running');
    return undefined;
  }
  if (devices?.autoattachSerialConsole === false)
    return badRequest('No serial consoles are present.');
  if (vmi.status?.phase === 'Failed')
    return conflict('virtualmachineinstance', vmi.metadata.name, 'VMI is in failed status');
  if (vmi.status?.phase !== 'Running') return badRequest('VMI is not running');
  return undefined;
}

function numberOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    const causes = (err.body?.details?.causes ?? []).map((c) => c.message ?? '').filter(Boolean);
    return [err.body?.message ?? err.message, ...causes].join(': ');
  }
  return err instanceof Error ? err.message : String(err);
}

export function send(res: ServerResponse, a: Answer): void {
  res.writeHead(a.code, { 'Content-Type': a.type, 'Content-Length': Buffer.byteLength(a.body) });
  res.end(a.body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1 << 20) req.destroy(new Error('request body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
