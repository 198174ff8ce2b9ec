// The create-VM form: one schema for the browser and the server. Pure.
import { z } from 'zod';

import { dnsLabel } from '../clusters/schema';
import { wholeNumber } from '../forms/numbers';
import type { BootSource } from '../platform/config';
import { cloudInitProblem } from './cloud-init';
import { sshKeyLines, sshKeyProblem } from './ssh';

const gi = (min: number, max: number) =>
  wholeNumber((n) =>
    n.int('validation.wholeNumber').min(min, 'validation.minGi').max(max, 'validation.maxGi'),
  );

export const dataDiskSchema = z.object({
  name: dnsLabel.max(20, 'validation.name.max'),
  sizeGi: gi(1, 4096),
  storageClass: z.string().min(1, 'validation.storageClass'),
});

export const createVmSchema = z
  .object({
    name: dnsLabel,
    /** A catalog boot source id, or '' for a blank root disk. */
    bootSource: z.string().max(40).default(''),
    /** A VirtualMachineClusterInstancetype, or '' for the CPU and memory below. */
    instancetype: z.string().trim().max(63).default(''),
    cpu: wholeNumber((n) =>
      n
        .int('clusters.validation.wholeCores')
        .min(1, 'clusters.validation.minCores')
        .max(64, 'clusters.validation.maxCores'),
    ),
    memoryGi: gi(1, 512),
    /** A VirtualMachineClusterPreference, or '' for none. */
    preference: z.string().trim().max(63).default(''),
    rootDiskGi: gi(1, 4096),
    storageClass: z.string().min(1, 'validation.storageClass'),
    dataDisks: z.array(dataDiskSchema).max(8, 'vms.validation.maxDisks').default([]),
    sshKeys: z
      .string()
      .max(16_384, 'vms.validation.sshTooLong')
      .default('')
      .superRefine((text, ctx) => {
        for (const [i, line] of sshKeyLines(text).entries()) {
          const problem = sshKeyProblem(line);
          if (problem)
            ctx.addIssue({
              code: 'custom',
              message: `vms.validation.ssh.${problem}`,
              params: { line: i + 1 },
            });
        }
      }),
    cloudInit: z
      .string()
      .default('')
      .superRefine((text, ctx) => {
        const problem = cloudInitProblem(text);
        if (problem)
          ctx.addIssue({ code: 'custom', message: `vms.validation.cloudInit.${problem}` });
      }),
    /** Also give port 22 a MetalLB address. */
    exposeSsh: z.boolean().default(false),
    start: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    const names = new Set(['root', 'cloudinit']);
    for (const [i, d] of v.dataDisks.entries()) {
      if (names.has(d.name))
        ctx.addIssue({
          code: 'custom',
          path: ['dataDisks', i, 'name'],
          message: 'vms.validation.diskNameTaken',
        });
      names.add(d.name);
    }
    if (v.exposeSsh && !sshKeyLines(v.sshKeys).length)
      ctx.addIssue({ code: 'custom', path: ['sshKeys'], message: 'vms.validation.sshForExpose' });
  });

export type CreateVmInput = z.output<typeof createVmSchema>;
export type CreateVmDraft = z.input<typeof createVmSchema>;
export type DataDiskInput = z.output<typeof dataDiskSchema>;

/** What the catalog says about the form: the source exists and the root disk holds its image. */
export function catalogProblems(
  input: Pick<CreateVmInput, 'bootSource' | 'rootDiskGi'>,
  catalog: readonly BootSource[],
): Record<string, 'vms.validation.unknownSource' | 'vms.validation.diskTooSmall'> {
  if (!input.bootSource) return {};
  const source = catalog.find((b) => b.id === input.bootSource);
  if (!source) return { bootSource: 'vms.validation.unknownSource' };
  if (input.rootDiskGi < source.minDiskGi) return { rootDiskGi: 'vms.validation.diskTooSmall' };
  return {};
}

/** The form's schema on a given catalog: the same rules, plus the catalog's (the server checks it too). */
export function createVmSchemaFor(catalog: readonly BootSource[]) {
  return createVmSchema.superRefine((v, ctx) => {
    const source = catalog.find((b) => b.id === v.bootSource);
    for (const [path, message] of Object.entries(catalogProblems(v, catalog)))
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message,
        params: { min: source?.minDiskGi ?? 0 },
      });
  });
}
