// The LINSTOR storage classes a volume may use, read from their parameters the way linstor-csi
// reads them (keys case-insensitive, prefixed or not; autoPlace is placementCount's alias). Pure.
import type { StorageClassObject } from '../k8s/objects';

export const LINSTOR_CSI = 'linstor.csi.linbit.com';
const PREFIX = `${LINSTOR_CSI}/`;

export interface VolumeClass {
  name: string;
  /** placementCount: how many diskful replicas LINSTOR places. */
  replicas: number;
  pool?: string;
  expandable: boolean;
  isDefault: boolean;
  description?: string;
}

export function classParam(params: Record<string, string> | undefined, key: string) {
  const want = key.toLowerCase();
  for (const [k, v] of Object.entries(params ?? {})) {
    const bare = k.toLowerCase().startsWith(PREFIX) ? k.slice(PREFIX.length) : k;
    if (bare.toLowerCase() === want) return v;
  }
  return undefined;
}

export function placementCountOf(params: Record<string, string> | undefined): number {
  const n = Number(classParam(params, 'placementCount') ?? classParam(params, 'autoPlace') ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export function volumeClass(sc: StorageClassObject): VolumeClass {
  const a = sc.metadata?.annotations ?? {};
  const pool = classParam(sc.parameters, 'storagePool');
  const description = a['stratus.dev/description'];
  return {
    name: sc.metadata?.name ?? '',
    replicas: placementCountOf(sc.parameters),
    ...(pool ? { pool } : {}),
    expandable: sc.allowVolumeExpansion === true,
    isDefault: a['storageclass.kubernetes.io/is-default-class'] === 'true',
    ...(description ? { description } : {}),
  };
}

/** LINSTOR classes only, default first, then by name. */
export function volumeClasses(items: StorageClassObject[]): VolumeClass[] {
  return items
    .filter((c) => c.provisioner === LINSTOR_CSI)
    .map(volumeClass)
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}
