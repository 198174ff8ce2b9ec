// The build context for the create form's preview: the same builder the server runs, fed with
// what the page handed the browser. Pure.
import type { PlatformConfig } from '../platform/config';
import { resolveAddons } from './addons';
import type { BuildContext } from './build';
import type { CreateClusterInput } from './schema';
import type { InstancetypeSizes } from './sizes';

export function previewContext(
  where: { namespace: string; tenant: string },
  platform: PlatformConfig,
  instancetypes: InstancetypeSizes,
  input: CreateClusterInput,
): BuildContext | undefined {
  const addons = resolveAddons(platform, input);
  if (!addons.ok) return undefined;
  return { ...where, platform, addons: addons.addons, instancetypes };
}
