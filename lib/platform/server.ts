import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { parsePlatformConfig, type PlatformConfig } from './config';

/** Where the platform configuration lives: STRATUS_PLATFORM_CONFIG, else the repository's copy. */
export function platformConfigPath(): string {
  return path.resolve(
    process.env.STRATUS_PLATFORM_CONFIG ??
      path.join(process.cwd(), 'deploy/platform/platform.yaml'),
  );
}

let cached: PlatformConfig | undefined;

/** The validated configuration; read once per process (the chart rolls pods when it changes). */
export function platformConfig(): PlatformConfig {
  if (cached) return cached;
  const file = platformConfigPath();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
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
