// npm run bench:soak -- --minutes 10 --streams 20 — the full soak (lib/testing/soak.ts) against the
// running test cluster, in a throwaway tenant: mixed reads, VM creates and deletes, live streams
// closed and reopened, serial console sessions. Prints progress, then the figures; exits non-zero on errors or leaked watches.
import { parseArgs } from 'node:util';

import { Admin, uniqueName } from '../lib/testing/admin';
import { heapGrowthMiB, soak } from '../lib/testing/soak';
import { loadAppEnv } from './lib';

async function main() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      streams: { type: 'string', default: '20' },
    },
  });
  const minutes = Number(values.minutes);
  const streams = Number(values.streams);
  loadAppEnv();
  const admin = new Admin();
  const tenant = await admin.createTenant(uniqueName('soak'));
  try {
    console.log(`soak: ${minutes} min, ${streams} live streams, tenant ${tenant.name}`);
    const r = await soak(admin, tenant, {
      durationMs: minutes * 60_000,
      streams,
      sampleEveryMs: 30_000,
      log: (line) => console.log(`  ${line}`),
    });
    const perMin = (n: number) => ((n / r.seconds) * 60).toFixed(0);
    const heap = r.heapMiB.map((h) => h.toFixed(1));
    console.log(
      [
        `soak ${r.seconds.toFixed(0)} s, ${streams} streams:`,
        `  reads ${r.reads} (${perMin(r.reads)}/min), writes ${r.writes} (${perMin(r.writes)}/min), reopens ${r.reopens}, events ${r.events} (${perMin(r.events)}/min), console sessions ${r.consoles} (${perMin(r.consoles)}/min; left open ${r.consolesLeft})`,
        `  errors ${r.errors.length}${r.errors.length ? `: ${r.errors.slice(0, 5).join('; ')}` : ''}`,
        `  API-server watches (namespaced VMs + Services): before ${r.watches.before}, while open ${Math.min(...r.watches.open)}–${Math.max(...r.watches.open)} (expected ${r.watches.before + 2 * streams}), after close ${r.watches.after}`,
        `  heap after GC (MiB): ${heap.join(' ')}; growth ${heapGrowthMiB(r.heapMiB).toFixed(1)} MiB`,
      ].join('\n'),
    );
    const leaked = r.watches.after > r.watches.before || r.consolesLeft > 0;
    process.exitCode = r.errors.length || leaked ? 1 : 0;
  } finally {
    await admin.deleteTenant(tenant.name);
  }
}

main().then(
  () => process.exit(),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
