// Discovery documents virt-api serves (pkg/virt-api/api.go). The resource list names only the
// subresources this stand-in implements; upstream's also lists addvolume, freeze, backup, ....
import { group, versions } from './aggregation.ts';

export const served = [
  'virtualmachines/start',
  'virtualmachines/stop',
  'virtualmachines/restart',
  'virtualmachines/migrate',
  'virtualmachineinstances/pause',
  'virtualmachineinstances/unpause',
  'virtualmachineinstances/console',
  'virtualmachineinstances/vnc',
  'virtualmachineinstances/guestosinfo',
];

const apiGroup = () => ({
  name: group,
  versions: versions.map((version) => ({ groupVersion: `${group}/${version}`, version })),
  preferredVersion: { groupVersion: `${group}/v1`, version: 'v1' },
});

/** The JSON for a discovery path, or undefined if `path` is not one. */
export function discovery(path: string): unknown {
  if (path === '/')
    return {
      paths: [
        '/apis',
        '/openapi/v2',
        ...versions.flatMap((v) => [`/apis/${group}`, `/apis/${group}/${v}`]),
      ],
    };
  if (path === '/apis') return { kind: 'APIGroupList', apiVersion: 'v1', groups: [apiGroup()] };
  if (path === `/apis/${group}`) return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup() };
  const version = versions.find((v) => path === `/apis/${group}/${v}`);
  if (version)
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: `${group}/${version}`,
      resources: served.map((name) => ({
        name,
        singularName: '',
        namespaced: true,
        kind: '',
        verbs: [],
      })),
    };
  return undefined;
}
