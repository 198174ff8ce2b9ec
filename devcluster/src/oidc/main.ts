// Runs the development OIDC issuer in the foreground:
//   tsx devcluster/src/oidc/main.ts --port 25556 --app-origin http://127.0.0.1:3000 --state-dir DIR
//     [--tls-cert FILE --tls-key FILE]   (https issuer; browser pages stay http on the same port)
// Without flags it uses the current profile's ports (STRATUS_PROFILE, default demo).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { profile } from '../config.ts';
import { startIssuer } from './issuer.ts';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'app-origin': { type: 'string', multiple: true },
      'state-dir': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
    },
    strict: true,
  });
  const p = profile();
  const port = values.port === undefined ? p.ports.oidc : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number, got ${values.port}`);
  }
  const issuer = await startIssuer({
    port,
    appOrigins: values['app-origin'] ?? [`http://127.0.0.1:${p.ports.app}`],
    stateDir: values['state-dir'] ?? path.join(p.dataDir, 'oidc'),
    tls:
      values['tls-cert'] && values['tls-key']
        ? {
            cert: fs.readFileSync(values['tls-cert'], 'utf8'),
            key: fs.readFileSync(values['tls-key'], 'utf8'),
          }
        : undefined,
  });
  console.log(`oidc issuer ready at ${issuer.issuer}`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    issuer.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
