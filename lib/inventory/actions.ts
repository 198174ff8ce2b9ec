'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { dnsSubdomainName, namespaceName } from '../k8s/names';
import { powerHost as power } from './server';

/** Power on/off or reboot a bare-metal host, confirmed in the page, as the operator. */
export const powerHost = defineAction({
  name: 'powerHost',
  input: z.object({
    namespace: namespaceName,
    name: dnsSubdomainName,
    op: z.enum(['on', 'off', 'reboot']),
  }),
  needs: [{ verb: 'patch', model: 'baremetalhosts' }],
  describe: ({ name, op }) => ({
    action: msg(`inventory.action.${op}`, { name }),
    kind: 'BareMetalHost',
  }),
  async run({ kube, viewer, input }) {
    await power(kube, viewer, input.namespace, input.name, input.op);
    return { op: input.op };
  },
});
