// A platform setting's name pattern, filled for one tenant cluster ("{tenant}-{cluster}"). Pure.
export function fillPattern(
  p: string,
  values: { namespace: string; tenant: string; cluster: string },
): string {
  return p
    .replaceAll('{namespace}', values.namespace)
    .replaceAll('{tenant}', values.tenant)
    .replaceAll('{cluster}', values.cluster);
}
