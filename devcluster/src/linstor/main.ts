// Dev-only stand-in for the LINSTOR controller's REST API (see state.ts). Never import from app/ or
// lib/. Reads the cluster through informers; answers https with a certificate from the devcluster CA
// and a bearer token kept in the data dir.
//
//   node --import tsx devcluster/src/linstor/main.ts --kubeconfig <file> --port <n> \
//     --cert <file> --key <file> --token-file <file> [--resync-ms <n>]
import { readFileSync } from 'node:fs';
import https from 'node:https';

import { loadKubeconfig } from '../kube.ts';
import { fleet } from '../seed/fleet.ts';
import type { NodeObj, PvObj, StorageClassObj, VmiObj } from '../simulator/kinds.ts';
import { Informer } from '../simulator/kube/informer.ts';
import { Rest } from '../simulator/kube/rest.ts';
import { R, type KObj, type Resource } from '../simulator/kube/types.ts';
import { parseQuantity } from '../simulator/quantity.ts';
import { handle } from './server.ts';
import { Clocks, SATELLITE_ANNOTATION, type Inputs } from './state.ts';

const LINSTOR = 'linstor.csi.linbit.com';
const satelliteRes: Resource = {
  group: 'piraeus.io',
  version: 'v1',
  plural: 'linstorsatellites',
  kind: 'LinstorSatellite',
  namespaced: false,
};

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
  if (!v)
    throw new Error(`usage: main.ts --kubeconfig --port --cert --key --token-file (--${name})`);
  return v;
}

const log = (msg: string) => process.stderr.write(`${new Date().toISOString()} linstor: ${msg}\n`);

const KiB = 1024;
/** Pool size per node from the seeded fleet (the non-boot disks), as the satellite reports it. */
function poolKiB(node: string): { total: number; base: number } {
  const s = fleet.find((f) => f.node === node);
  const bytes = s ? s.disks.slice(1).reduce((n, d) => n + d.sizeBytes, 0) : 4 * 2 ** 40;
  const share = 0.18 + (Number(node.slice(-1)) % 3 || 0) * 0.07;
  return { total: Math.floor(bytes / KiB), base: Math.floor((bytes * share) / KiB) };
}

type SatelliteObj = KObj & { spec?: { storagePools?: { name: string }[] } };

function claimsOf(vmi: VmiObj): string[] {
  const vols =
    (
      vmi.spec as
        | {
            volumes?: {
              persistentVolumeClaim?: { claimName: string };
              dataVolume?: { name: string };
            }[];
          }
        | undefined
    )?.volumes ?? [];
  return vols.flatMap((v) =>
    [v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name ?? []].flat(),
  );
}

async function main(): Promise<void> {
  const rest = new Rest(loadKubeconfig(arg('kubeconfig')), { userAgent: 'stratus-linstor' });
  const nodes = new Informer<NodeObj>(rest, R.node, {}, log);
  const pvs = new Informer<PvObj>(rest, R.pv, {}, log);
  const classes = new Informer<StorageClassObj>(rest, R.storageClass, {}, log);
  const satellites = new Informer<SatelliteObj>(rest, satelliteRes, {}, log);
  const vmis = new Informer<VmiObj>(rest, R.virtualMachineInstance, {}, log);
  await Promise.all([nodes, pvs, classes, satellites, vmis].map((i) => i.start()));

  const inputs = (): Inputs => {
    const usedOn = new Map<string, string[]>();
    for (const vmi of vmis.available ? vmis.list() : []) {
      const node = vmi.status?.nodeName;
      if (!node || vmi.status?.phase !== 'Running') continue;
      for (const c of claimsOf(vmi)) {
        const key = `${vmi.metadata.namespace ?? ''}/${c}`;
        usedOn.set(key, [...(usedOn.get(key) ?? []), node]);
      }
    }
    return {
      nodes: nodes.list().map((n) => ({
        name: n.metadata.name,
        ready:
          n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
        satelliteStopped: n.metadata.annotations?.[SATELLITE_ANNOTATION] === 'stopped',
      })),
      satellites: (satellites.available ? satellites.list() : []).map((s) => {
        const size = poolKiB(s.metadata.name);
        return {
          name: s.metadata.name,
          pools: (s.spec?.storagePools ?? []).map((p) => p.name),
          totalKiB: size.total,
          baseUsedKiB: size.base,
        };
      }),
      volumes: pvs
        .list()
        .filter((pv) => pv.spec.csi?.driver === LINSTOR && !pv.metadata.deletionTimestamp)
        .map((pv) => {
          const ref = pv.spec.claimRef;
          return {
            name: pv.spec.csi?.volumeHandle ?? pv.metadata.name,
            sizeKiB: Math.floor((parseQuantity(pv.spec.capacity?.storage) ?? 0) / KiB),
            createdAt: pv.metadata.creationTimestamp ?? '',
            parameters: pv.spec.storageClassName
              ? (classes.get(undefined, pv.spec.storageClassName)?.parameters ?? {})
              : {},
            usedOn: usedOn.get(`${ref?.namespace ?? ''}/${ref?.name ?? ''}`) ?? [],
          };
        }),
    };
  };
  const clocks = new Clocks();
  clocks.update(inputs().nodes, Date.now());
  nodes.on(() => clocks.update(inputs().nodes, Date.now()));

  const token = readFileSync(arg('token-file'), 'utf8').trim();
  const src = { inputs, clocks, resyncMs: Number(arg('resync-ms', '20000')) };
  const server = https.createServer(
    { cert: readFileSync(arg('cert')), key: readFileSync(arg('key')) },
    (req, res) => {
      try {
        handle(req, res, token, src);
      } catch (err) {
        log(`${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      }
    },
  );
  const port = Number(arg('port'));
  server.listen(port, '127.0.0.1', () => log(`serving on https://127.0.0.1:${port}`));
  const shutdown = () => {
    server.close();
    rest.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  log((err as Error).stack ?? String(err));
  process.exit(1);
});
