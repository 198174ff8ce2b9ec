// npm run cluster -- <start|stop|reset|status|env> [--profile demo|test]
import { files, profile } from './config.ts';
import { reset, start, status, stop } from './cluster.ts';
import { DevclusterError } from './processes.ts';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--profile');
  const p = profile(i >= 0 ? args[i + 1] : undefined);
  switch (args[0]) {
    case 'start':
      await start(p);
      break;
    case 'stop':
      console.log(`stopped: ${(await stop(p)).join(', ') || 'nothing was running'}`);
      break;
    case 'reset':
      await reset(p);
      console.log(`reset ${p.dataDir}; the next start seeds a fresh demo cloud`);
      break;
    case 'status': {
      const pids = status(p);
      for (const [name, pid] of Object.entries(pids))
        console.log(`${name.padEnd(24)} ${pid ? `running (pid ${pid})` : 'stopped'}`);
      // Like systemctl: 3 when the cluster is not running, so scripts can ask.
      if (!pids['kube-apiserver']) process.exitCode = 3;
      break;
    }
    case 'env':
      console.log(`KUBECONFIG=${files(p).adminKubeconfig}`);
      break;
    default:
      console.error(
        'usage: npm run cluster -- <start|stop|reset|status|env> [--profile demo|test]',
      );
      process.exitCode = 2;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof DevclusterError ? `devcluster: ${err.message}` : err);
  process.exitCode = 1;
});
