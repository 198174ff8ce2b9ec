// The lists the operator's tenant page keeps live. Pure.
import type { Subscription } from '../live/protocol';
import { TENANT_LABEL } from './types';

export const tenantAdminLists = {
  namespaces: {
    model: 'namespaces',
    labelSelector: TENANT_LABEL,
  } satisfies Subscription<'namespaces'>,
  quotas: { model: 'resourcequotas' } satisfies Subscription<'resourcequotas'>,
  bindings: { model: 'rolebindings' } satisfies Subscription<'rolebindings'>,
  clusters: { model: 'clusters' } satisfies Subscription<'clusters'>,
  vms: { model: 'virtualmachines', view: 'rows' } satisfies Subscription<'virtualmachines'>,
  volumes: { model: 'persistentvolumeclaims' } satisfies Subscription<'persistentvolumeclaims'>,
  addresses: {
    model: 'services',
    fieldSelector: 'spec.type=LoadBalancer',
  } satisfies Subscription<'services'>,
  pools: {
    model: 'ipaddresspools',
    namespace: 'metallb-system',
  } satisfies Subscription<'ipaddresspools'>,
};
