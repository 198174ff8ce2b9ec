// Types of compress-build.mjs.
export const COMPRESSIBLE: RegExp;
export function compressStatic(
  distDir: string,
): Promise<{ files: number; bytes: number; br: number; gzip: number }>;
