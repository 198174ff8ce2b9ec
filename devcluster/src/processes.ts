// Starting, watching and stopping the local control-plane processes. Each runs detached with a pid file
// and a log in the data dir, so `start` returns once everything is healthy and `stop` can find them later.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import type { Profile } from './config.ts';
import { files } from './config.ts';

export class DevclusterError extends Error {}

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Ports the process binds; checked free before spawning. */
  ports?: number[];
}

export async function assertPortFree(port: number, who: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
  if (!free) {
    throw new DevclusterError(
      `port ${port} on 127.0.0.1 (needed by ${who}) is in use. Stop whatever holds it ` +
        `(\`ss -ltnp 'sport = :${port}'\`), or run \`npm run cluster -- stop\` if it is an old devcluster.`,
    );
  }
}

export function pidOf(p: Profile, name: string): number | undefined {
  const file = path.join(files(p).pids, `${name}.pid`);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return isAlive(pid) ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function spawnProcess(p: Profile, spec: ProcessSpec): Promise<number> {
  const f = files(p);
  await mkdir(f.logs, { recursive: true });
  await mkdir(f.pids, { recursive: true });
  const running = pidOf(p, spec.name);
  if (running) return running;
  for (const port of spec.ports ?? []) await assertPortFree(port, spec.name);
  const log = openSync(logPath(p, spec.name), 'a');
  const child = spawn(spec.command, spec.args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...spec.env },
  });
  closeSync(log);
  if (child.pid === undefined) throw new DevclusterError(`could not start ${spec.name}`);
  child.unref();
  await writeFile(path.join(f.pids, `${spec.name}.pid`), String(child.pid));
  return child.pid;
}

export function logPath(p: Profile, name: string): string {
  return path.join(files(p).logs, `${name}.log`);
}

/** Polls `check` until it resolves true; fails early with the log tail if the process died. */
export async function waitFor(
  p: Profile,
  name: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (!pidOf(p, name)) {
      throw new DevclusterError(
        `${name} exited during start-up.\n${tail(p, name)}\nFull log: ${logPath(p, name)}`,
      );
    }
    if (Date.now() > deadline) {
      throw new DevclusterError(
        `${name} was not healthy after ${timeoutMs / 1000}s.\n${tail(p, name)}\nFull log: ${logPath(p, name)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function tail(p: Profile, name: string, lines = 15): string {
  const file = logPath(p, name);
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Stops every process with a pid file, newest first, SIGTERM then SIGKILL. */
export async function stopAll(p: Profile, order: string[]): Promise<string[]> {
  const dir = files(p).pids;
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).map((f) => f.replace(/\.pid$/, ''));
  const sorted = [...names].sort((a, b) => order.indexOf(b) - order.indexOf(a));
  const stopped: string[] = [];
  for (const name of sorted) if (await stopProcess(p, name)) stopped.push(name);
  return stopped;
}

/** Stops one process (SIGTERM, then SIGKILL after 10 s); whether it was running. */
export async function stopProcess(p: Profile, name: string): Promise<boolean> {
  const pid = pidOf(p, name);
  if (pid) {
    signal(pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) signal(pid, 'SIGKILL');
    // Gone before its port is asked for again (a restart); bounded, as an unreaped child stays "alive".
    const killed = Date.now() + 5_000;
    while (isAlive(pid) && Date.now() < killed) await new Promise((r) => setTimeout(r, 50));
  }
  await rm(path.join(files(p).pids, `${name}.pid`), { force: true });
  return pid !== undefined;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group, so wrappers (tsx → node) go too.
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  }
}
