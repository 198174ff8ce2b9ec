'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { dnsLabelName } from '../k8s/names';
import { onboardSchema, quotaSchema } from './admin-schema';
import {
  offboardPreview,
  offboardTenant as offboard,
  onboardTenant as onboard,
  setTenantQuota,
} from './admin-server';

export const onboardTenant = defineAction({
  name: 'onboardTenant',
  input: z.object({ tenant: onboardSchema }),
  form: 'tenant',
  needs: [
    { verb: 'create', model: 'namespaces' },
    { verb: 'create', model: 'resourcequotas' },
    { verb: 'create', model: 'rolebindings' },
  ],
  describe: () => ({ action: msg('tenants.action.onboard'), kind: 'Namespace' }),
  run: ({ kube, input }) => onboard(kube, input.tenant),
});

export const changeTenantQuota = defineAction({
  name: 'changeTenantQuota',
  input: z.object({ tenant: dnsLabelName, quota: quotaSchema }),
  form: 'quota',
  needs: [{ verb: 'patch', model: 'resourcequotas' }],
  describe: ({ tenant }) => ({
    action: msg('tenants.action.quota', { name: tenant }),
    kind: 'ResourceQuota',
  }),
  async run({ kube, input }) {
    await setTenantQuota(kube, input.tenant, input.quota);
    return { tenant: input.tenant };
  },
});

export const previewOffboard = defineAction({
  name: 'previewOffboard',
  input: z.object({ tenant: dnsLabelName }),
  needs: [{ verb: 'list', model: 'virtualmachines' }],
  describe: ({ tenant }) => ({ action: msg('tenants.action.offboard', { name: tenant }) }),
  run: ({ kube, input }) => offboardPreview(kube, input.tenant),
});

export const offboardTenant = defineAction({
  name: 'offboardTenant',
  input: z
    .object({ tenant: dnsLabelName, confirm: z.string() })
    .refine((i) => i.confirm === i.tenant, 'error.typeNameToConfirm'),
  needs: [{ verb: 'delete', model: 'namespaces' }],
  describe: ({ tenant }) => ({
    action: msg('tenants.action.offboard', { name: tenant }),
    kind: 'Namespace',
  }),
  async run({ kube, input }) {
    await offboard(kube, input.tenant);
    return { tenant: input.tenant };
  },
});
