// The operator's tenant forms: onboard and change quota. One schema for browser and server.
import { z } from 'zod';

import { wholeNumber } from '../forms/numbers';
import { dnsLabelName } from '../k8s/names';

const count = wholeNumber((n) =>
  n.int('validation.wholeNumber').min(0, 'validation.atLeast').max(10000),
);
const groups = z
  .string()
  .max(1000)
  .default('')
  .refine(
    (v) =>
      v.split(',').every((g) => g.trim() === '' || /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/.test(g.trim())),
    'tenants.validation.groups',
  );

/** Quota as a person sets it: whole numbers of cores, GiB and objects. */
export const quotaSchema = z.object({
  cpu: count,
  memoryGi: count,
  storageGi: count,
  vms: count,
  clusters: count,
  volumes: count,
  loadBalancers: count,
});

export const onboardSchema = z.object({
  // Room for the namespace prefix within a 63-character namespace name.
  name: dnsLabelName.refine((v) => v.length <= 40, 'tenants.validation.nameLength'),
  displayName: z.string().trim().min(1, 'validation.required').max(80),
  adminGroups: groups,
  viewerGroups: groups,
  pools: z.array(dnsLabelName).max(20).default([]),
  quota: quotaSchema,
});

export type QuotaInput = z.output<typeof quotaSchema>;
export type OnboardInput = z.output<typeof onboardSchema>;
export type OnboardDraft = z.input<typeof onboardSchema>;
