// The volume forms: one schema for the browser and the server. Pure.
import { z } from 'zod';

import { dnsLabel } from '../clusters/schema';
import { wholeNumber } from '../forms/numbers';
import { dnsLabelName, dnsSubdomainName, namespaceName } from '../k8s/names';
import { accessModes, sourceKinds, volumeModes } from './modes';

export const MAX_GI = 16_384;
const gi = wholeNumber((n) =>
  n.int('validation.wholeNumber').min(1, 'validation.minGi').max(MAX_GI, 'validation.maxGi'),
);

export const createVolumeSchema = z
  .object({
    name: dnsLabel,
    sizeGi: gi,
    storageClass: z.string().min(1, 'validation.storageClass'),
    accessMode: z.enum(accessModes).default('ReadWriteOnce'),
    volumeMode: z.enum(volumeModes).default('Block'),
    /** Empty, restored from a VolumeSnapshot, or cloned from another volume of the tenant. */
    sourceKind: z.enum(sourceKinds).default('none'),
    sourceName: z.string().trim().max(253).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.sourceKind !== 'none' && !v.sourceName)
      ctx.addIssue({ code: 'custom', path: ['sourceName'], message: 'volumes.validation.source' });
  });

export type CreateVolumeInput = z.output<typeof createVolumeSchema>;

export const volumeTarget = z.object({ namespace: namespaceName, name: dnsSubdomainName });

export const expandVolumeSchema = volumeTarget.extend({ sizeGi: gi });

export const snapshotVolumeSchema = volumeTarget.extend({ snapshot: dnsLabelName });

export const deleteVolumeSchema = volumeTarget.extend({
  /** The person saw which VMs use the volume and chose to detach it from them. */
  detach: z.boolean().default(false),
});
