'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { dnsSubdomainName, namespaceName } from '../k8s/names';
import { reconcileRelease as reconcile, setReleaseSuspended } from './server';

const target = z.object({ namespace: namespaceName, name: dnsSubdomainName });

/** Reconcile now (optionally forced), as the operator; recorded as an Event naming them. */
export const reconcileRelease = defineAction({
  name: 'reconcileRelease',
  input: target.extend({ force: z.boolean().default(false) }),
  needs: [{ verb: 'patch', model: 'helmreleases' }],
  describe: ({ name }) => ({
    action: msg('releases.action.reconcile', { name }),
    kind: 'HelmRelease',
  }),
  run: ({ kube, viewer, input }) =>
    reconcile(kube, viewer, input.namespace, input.name, input.force),
});

export const suspendRelease = defineAction({
  name: 'suspendRelease',
  input: target.extend({ suspend: z.boolean() }),
  needs: [{ verb: 'patch', model: 'helmreleases' }],
  describe: ({ name, suspend }) => ({
    action: msg(suspend ? 'releases.action.suspend' : 'releases.action.resume', { name }),
    kind: 'HelmRelease',
  }),
  async run({ kube, viewer, input }) {
    await setReleaseSuspended(kube, viewer, input.namespace, input.name, input.suspend);
    return { suspended: input.suspend };
  },
});
