import 'server-only';

import { loadTenantPage } from '../pages/tenant-page';
import { VIRT_API } from '../vms/subresources';

/** The console page: the tenant, and whether the person may open each console (a hint only). */
export function loadVmConsolePage(tenantName: string) {
  return loadTenantPage(tenantName, {
    can: {
      vnc: { verb: 'get', model: 'virtualmachineinstances', subresource: 'vnc', group: VIRT_API },
      console: {
        verb: 'get',
        model: 'virtualmachineinstances',
        subresource: 'console',
        group: VIRT_API,
      },
    },
  });
}
