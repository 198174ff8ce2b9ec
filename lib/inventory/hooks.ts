// Hooks the LINSTOR domain fills in after merging (lib/linstor/ is built separately): until then
// the inventory shows no pools. Pure.

/** LINSTOR storage pools on a node, by node name. Replace with the LINSTOR domain's reader. */
export function linstorPoolsOnNode(_node: string): string[] {
  return [];
}
