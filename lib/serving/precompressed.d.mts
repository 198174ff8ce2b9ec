// Types of precompressed.mjs.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function pickEncoding(
  acceptEncoding: string | string[] | undefined,
): 'br' | 'gzip' | undefined;
export function staticFile(distDir: string, url: string | undefined): string | undefined;
export function servePrecompressed(
  distDir: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean>;
