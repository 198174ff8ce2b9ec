import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { parsePlatformConfig, type PlatformConfig } from './config';

/** Where the platform configuration lives: STRATUS_PLATFORM_CONFIG, else the repository's copy. */
export function platformConfigPath(): string {
  const file = process.env.STRATUS_PLATFORM_CONFIG ?? 'deploy/platform/platform.yaml';
  // Resolved at run time (a mounted file), not something the build should trace.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

let cached: PlatformConfig | undefined;

/** The validated configuration; read once per process (the chart rolls pods when it changes). */
export function platformConfig(): PlatformConfig {
  if (cached) return cached;
  const file = platformConfigPath();
  let text: string;
  try {
    // The file is mounted at run time (a ConfigMap), not part of the build.
    text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read the platform configuration ${file}: ${(e as Error).message}`);
  }
  cached = parsePlatformConfig(text, file);
  return cached;
}

/** Offered Kubernetes versions: exactly those with a worker image. */
export function supportedVersions(): string[] {
  return Object.keys(platformConfig().workers.images);
}

/** At start-up: load and log, or stop the process with every problem listed. */
export function loadPlatformConfigOrExit(log: {
  info: (event: string, fields: Record<string, unknown>) => void;
  error: (event: string, err: unknown) => void;
}): void {
  try {
    const config = platformConfig();
    log.info('platformConfigLoaded', {
      file: platformConfigPath(),
      versions: Object.keys(config.workers.images),
      addons: config.addons.map((a) => a.id),
    });
  } catch (e) {
    log.error('platformConfigInvalid', e);
    process.exit(1);
  }
}
