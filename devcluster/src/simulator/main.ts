// The dev cluster's status simulator: plays the controllers that don't run here (CAPI + Kamaji +
// CAPK, KubeVirt, CDI, linstor-csi, helm-controller, fence-agents-remediation, kube-fencing;
// MetalLB's real controller runs beside it), driven by watches. Dev-only: never import this from app/ or lib/.
//
//   node --import tsx devcluster/src/simulator/main.ts --kubeconfig <file> --speed <factor>
//
// --speed multiplies every delay (1 = lifelike seconds, 0.1 in tests). Once the watches are up it
// writes <dir of kubeconfig>/simulator.ready, which `cluster start` waits for.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startCapi } from './capi/controller.ts';
import { startCdi } from './cdi/controller.ts';
import { Recorder } from './events.ts';
import { startFencing } from './fencing/controller.ts';
import { startFlux } from './flux/controller.ts';
import { loadKubeconfig } from '../kube.ts';
import { Rest } from './kube/rest.ts';
import { startKubevirt } from './kubevirt/controller.ts';
import { startMetal3 } from './metal3/controller.ts';
import { startStorage } from './storage/controller.ts';
import { makeInformers, type World } from './world.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const log = (msg: string) =>
  process.stderr.write(`${new Date().toISOString()} simulator: ${msg}\n`);

async function main(): Promise<void> {
  const kubeconfig = arg('kubeconfig');
  if (!kubeconfig) throw new Error('usage: main.ts --kubeconfig <file> [--speed <factor>]');
  const speed = Number(arg('speed') ?? '1');
  if (!Number.isFinite(speed) || speed < 0)
    throw new Error(`--speed must be a non-negative number`);
  const dataDir = path.dirname(path.resolve(kubeconfig));
  const ready = path.join(dataDir, 'simulator.ready');
  rmSync(ready, { force: true });

  const caFile = path.join(dataDir, 'pki', 'ca.crt');
  const rest = new Rest(loadKubeconfig(kubeconfig), {
    userAgent: 'stratus-simulator',
    fieldManager: 'stratus-simulator',
  });
  const w: World = {
    rest,
    inf: makeInformers(rest, log),
    events: new Recorder(rest, log),
    speed,
    log,
    caPem: existsSync(caFile)
      ? readFileSync(caFile, 'utf8')
      : '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n',
    runners: [],
  };

  const informers = Object.values(w.inf);
  await Promise.all(informers.map((i) => i.start()));
  // Controllers register after the first lists, so they see which kinds exist; the runners then
  // start with every cache full, which keeps allocations (IPs, nodes) consistent after a restart.
  startStorage(w);
  startCdi(w);
  startKubevirt(w);
  startCapi(w);
  startFlux(w);
  startFencing(w);
  startMetal3(w);
  for (const i of informers) i.replay();
  for (const r of w.runners) r.start();

  writeFileSync(ready, `${process.pid}\n`);
  const missing = informers.filter((i) => !i.available).map((i) => i.res.kind);
  log(
    `ready (speed ${speed}); watching ${informers.length - missing.length} kinds${missing.length ? `; not served: ${missing.join(', ')}` : ''}`,
  );

  const shutdown = () => {
    for (const r of w.runners) r.stop();
    for (const i of informers) i.stop();
    rmSync(ready, { force: true });
    rest.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  log(`fatal: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
