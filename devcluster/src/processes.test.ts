import net from 'node:net';

import { describe, expect, it } from 'vitest';

import { assertPortFree, DevclusterError } from './processes';

describe('assertPortFree', () => {
  it('passes for a free port and names a busy one with what to do', async () => {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as net.AddressInfo).port;
    try {
      const err = await assertPortFree(port, 'kube-apiserver').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DevclusterError);
      expect((err as Error).message).toContain(
        `port ${port} on 127.0.0.1 (needed by kube-apiserver) is in use`,
      );
      expect((err as Error).message).toContain('npm run cluster -- stop');
    } finally {
      await new Promise((r) => srv.close(r));
    }
    await expect(assertPortFree(port, 'kube-apiserver')).resolves.toBeUndefined();
  });
});
