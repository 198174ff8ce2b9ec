// Dev-only stand-in for KubeVirt's virt-api, served to kube-apiserver's aggregator as
// subresources.kubevirt.io (see aggregation.ts). Never import this from app/ or lib/.
//
//   node --import tsx devcluster/src/virt-api/main.ts --kubeconfig <file> --port <n> \
//     --cert <serving cert> --key <key> --client-ca <front-proxy CA>
import { readFileSync } from 'node:fs';
import https from 'node:https';

import { loadKubeconfig } from '../kube.ts';
import { Rest } from '../simulator/kube/rest.ts';
import { send, VirtApi } from './server.ts';
import { Streams } from './sockets.ts';

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v)
    throw new Error(
      `usage: main.ts --kubeconfig --port --cert --key --client-ca (missing --${name})`,
    );
  return v;
}

const log = (msg: string) => process.stderr.write(`${new Date().toISOString()} virt-api: ${msg}\n`);

function main(): void {
  const rest = new Rest(loadKubeconfig(arg('kubeconfig')), {
    userAgent: 'stratus-virt-api',
    fieldManager: 'virt-api',
  });
  const api = new VirtApi(rest);
  const streams = new Streams(api, log);
  // A client certificate is asked for, not required: discovery and health are open (as upstream's
  // VerifyClientCertIfGiven), everything else checks it in auth.ts.
  const server = https.createServer(
    {
      cert: readFileSync(arg('cert')),
      key: readFileSync(arg('key')),
      ca: readFileSync(arg('client-ca')),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      api.handle(req, res).catch((err: unknown) => {
        log(`${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) send(res, { code: 500, body: '', type: 'text/plain' });
      });
    },
  );
  server.on('upgrade', (req, socket, head: Buffer) => {
    streams.upgrade(req, socket, head).catch((err: unknown) => {
      log(`upgrade ${req.url}: ${(err as Error).stack ?? String(err)}`);
      socket.destroy();
    });
  });
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

main();
