// The CI soak (lib/testing/soak.ts): 45 s of reads, VM creates and deletes, live streams that are
// closed and reopened, and serial console sessions, as a tenant's admin and viewer. No errors; the API server holds exactly
// the streams' watches while they are open (none lost, none leaked by a reopen) and none after they
// close; the heap does not grow. The 10-minute version is `npm run bench:soak`.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { heapGrowthMiB, soak } from '../testing/soak';

const STREAMS = 10;
const admin = new Admin();
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await admin.createTenant(uniqueName('soak'));
});
afterAll(async () => {
  if (tenant) await admin.deleteTenant(tenant.name);
});

it('holds 45 s of mixed reads, writes, live streams and consoles without errors, leaked watches or consoles, or heap growth', async () => {
  const r = await soak(admin, tenant, { durationMs: 45_000, streams: STREAMS });
  console.log(JSON.stringify(r));
  expect(r.errors).toEqual([]);
  expect(r.reads).toBeGreaterThan(50);
  expect(r.writes).toBeGreaterThanOrEqual(10);
  expect(r.reopens).toBeGreaterThanOrEqual(10);
  expect(r.consoles).toBeGreaterThanOrEqual(10);
  expect(r.consolesLeft).toBe(0);
  // Every stream sees each create and delete (and the simulator's status changes).
  expect(r.events).toBeGreaterThanOrEqual(r.writes * STREAMS);
  const full = r.watches.before + 2 * STREAMS;
  expect(r.watches.open[0]).toBeGreaterThanOrEqual(full);
  expect(r.watches.open.at(-1)).toBeGreaterThanOrEqual(full);
  // A reopen in progress may hold one stream's watches for a moment; more would be a leak.
  expect(Math.max(...r.watches.open)).toBeLessThanOrEqual(full + 2);
  expect(r.watches.after).toBeLessThanOrEqual(r.watches.before);
  expect(heapGrowthMiB(r.heapMiB)).toBeLessThan(16);
}, 120_000);
