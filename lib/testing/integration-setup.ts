// Integration tests talk to the `test` profile of the local management cluster. The test command
// starts it; here we only refuse to run without it, loudly, rather than skipping.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export default function setup(): void {
  const dir = path.join(process.env.STRATUS_DEVCLUSTER_DIR ?? path.resolve('.devcluster'), 'test');
  const env = path.join(dir, 'app.env');
  if (!existsSync(env)) {
    throw new Error(
      `The test cluster is not running (${env} missing). Run \`npm run cluster -- start --profile test\` or \`npm test\`.`,
    );
  }
  for (const line of readFileSync(env, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) process.env[line.slice(0, i)] ??= line.slice(i + 1);
  }
  process.env.STRATUS_TEST_ADMIN_KUBECONFIG = path.join(dir, 'admin.kubeconfig');
}
