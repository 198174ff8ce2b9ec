// The dev platform configuration and build contexts for tests: the same file the local cluster, the
// demo and the dashboard use.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { resolveAddons } from '../clusters/addons';
import type { BuildContext } from '../clusters/build';
import type { CreateClusterInput } from '../clusters/schema';
import type { Size } from '../clusters/sizes';
import { parsePlatformConfig, type PlatformConfig } from '../platform/config';

const file = path.resolve(import.meta.dirname, '..', '..', 'deploy', 'platform', 'platform.yaml');

let cached: PlatformConfig | undefined;
export function devPlatform(): PlatformConfig {
  cached ??= parsePlatformConfig(readFileSync(file, 'utf8'), file);
  return cached;
}

/** The seeded instancetypes' sizes (devcluster/src/seed/catalog.ts). */
export const seededSizes = new Map<string, Size>([
  ['u1.small', { cpu: 1, memoryGi: 2 }],
  ['u1.medium', { cpu: 1, memoryGi: 4 }],
  ['u1.large', { cpu: 2, memoryGi: 8 }],
  ['u1.xlarge', { cpu: 4, memoryGi: 16 }],
  ['m1.large', { cpu: 2, memoryGi: 16 }],
]);

export function testContext(
  namespace: string,
  input: CreateClusterInput,
  platform: PlatformConfig = devPlatform(),
): BuildContext {
  const addons = resolveAddons(platform, input);
  if (!addons.ok) throw new Error(`unknown add-ons ${addons.unknown.join(', ')}`);
  return {
    namespace,
    tenant: namespace.replace(/^tenant-/, ''),
    platform,
    addons: addons.addons,
    instancetypes: seededSizes,
  };
}
