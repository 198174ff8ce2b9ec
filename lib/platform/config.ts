// The operator's platform configuration: how tenant clusters are built on this cloud (control-plane
// exposure and sizing, worker images per Kubernetes version, disks, health checks, autoscaler) and
// the add-on catalog. One YAML file (in the chart: a ConfigMap mounted into the pod), validated at
// start-up. Pure: the seed and the tests parse it too.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

import { parseVersion } from '../clusters/versions';

const labelKey = z
  .string()
  .regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, {
    message: 'must be a Kubernetes label key',
  });
const labels = z.record(labelKey, z.string().max(63));
const quantity = z.string().regex(/^[0-9.]+(m|Ki|Mi|Gi|Ti)?$/, { message: 'must be a quantity' });
const resources = z
  .object({
    requests: z.object({ cpu: quantity, memory: quantity }).partial().optional(),
    limits: z.object({ cpu: quantity, memory: quantity }).partial().optional(),
  })
  .strict();
const component = z
  .object({ apiServer: resources, controllerManager: resources, scheduler: resources })
  .partial()
  .strict();
const dnsName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, {
  message: 'must be a DNS label',
});

/** `{namespace}`, `{tenant}` and `{cluster}` are replaced; the rest is literal. */
const pattern = z
  .string()
  .min(1)
  .refine((p) => /^[a-z0-9.{}-]+$/.test(p), { message: 'may hold a-z, 0-9, ".", "-" and {…}' })
  .refine((p) => (p.match(/\{[^}]*\}/g) ?? []).every((x) => placeholders.includes(x)), {
    message: 'knows only {namespace}, {tenant} and {cluster}',
  });
const placeholders = ['{namespace}', '{tenant}', '{cluster}'];

const addonSchema = z
  .object({
    /** Becomes part of object names: `<cluster>-<id>`. */
    id: dnsName.max(20),
    /** Always installed (the CNI); the form shows it checked and fixed. */
    required: z.boolean().default(false),
    /** Off unless the tenant ticks it. */
    defaultEnabled: z.boolean().default(false),
    /** `cni` makes nodes Ready; at most one. */
    role: z.enum(['cni', 'csi', 'ccm', 'ingress', 'certificates', 'metrics', 'access']).optional(),
    chart: z.string().min(1),
    version: z.string().min(1),
    source: z
      .object({
        kind: z.enum(['HelmRepository', 'OCIRepository']),
        name: dnsName,
        namespace: dnsName,
      })
      .strict(),
    targetNamespace: dnsName,
    /** Other add-on ids that must be Ready first (Flux dependsOn). */
    dependsOn: z.array(dnsName).default([]),
    values: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const unhealthyCondition = z
  .object({
    type: z.string().min(1),
    status: z.enum(['True', 'False', 'Unknown']),
    timeoutSeconds: z.number().int().min(0),
  })
  .strict();

/** A boot image of the VM catalog: imported into the VM's root disk when it is created. */
const bootSourceSchema = z
  .object({
    id: dnsName.max(40),
    displayName: z.string().min(1).max(80),
    /** A VirtualMachineClusterPreference (OS defaults: disk bus, NIC model). */
    preference: z.string().min(1).optional(),
    /** The size the form preselects. */
    defaultInstancetype: z.string().min(1).optional(),
    /** The image's virtual size: the root disk may not be smaller. */
    minDiskGi: z.number().int().min(1),
    source: z.union([
      z.object({ registry: z.string().regex(/^docker:\/\/\S+$/, 'a docker:// image') }).strict(),
      z.object({ http: z.url() }).strict(),
      z.object({ dataSource: z.object({ name: dnsName, namespace: dnsName }).strict() }).strict(),
    ]),
  })
  .strict();

export const platformConfigSchema = z
  .object({
    controlPlane: z
      .object({
        /** Kamaji DataStore per tenant, e.g. "{namespace}" or "shared-etcd". */
        dataStoreName: pattern.default('default'),
        exposure: z
          .discriminatedUnion('type', [
            z.object({ type: z.literal('LoadBalancer') }).strict(),
            z
              .object({
                type: z.literal('Ingress'),
                className: z.string().min(1),
                /** e.g. "{cluster}.{namespace}.k8s.example.net" */
                hostname: pattern,
              })
              .strict(),
          ])
          .default({ type: 'LoadBalancer' }),
        /** Extra labels on control-plane pods (network policies select them). */
        podLabels: labels.default({}),
        /** Named resource presets; tenants pick one, `default` names the one preselected. */
        presets: z.record(dnsName, component).default({}),
        defaultPreset: dnsName.optional(),
      })
      .strict()
      .default({
        dataStoreName: 'default',
        exposure: { type: 'LoadBalancer' },
        podLabels: {},
        presets: {},
      }),
    workers: z
      .object({
        /** The offered Kubernetes versions are exactly these keys. */
        images: z.record(z.string(), z.string().min(1)).refine((m) => Object.keys(m).length > 0, {
          message: 'needs at least one Kubernetes version with its image',
        }),
        /** ReadWriteMany + Block lets KubeVirt live-migrate workers between hosts. */
        diskAccessMode: z.enum(['ReadWriteOnce', 'ReadWriteMany']).default('ReadWriteOnce'),
        diskVolumeMode: z.enum(['Block', 'Filesystem']).default('Block'),
        diskAnnotations: z.record(z.string(), z.string()).default({}),
        healthCheck: z
          .object({
            maxUnhealthy: z
              .string()
              .regex(/^(100|[1-9]?[0-9])%$|^[0-9]+$/, { message: 'a count or a percentage' })
              .default('40%'),
            nodeStartupTimeoutSeconds: z.number().int().min(0).default(600),
            unhealthyNodeConditions: z
              .array(unhealthyCondition)
              .min(1)
              .default([
                { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
                { type: 'Ready', status: 'False', timeoutSeconds: 300 },
              ]),
          })
          .strict()
          .default({
            maxUnhealthy: '40%',
            nodeStartupTimeoutSeconds: 600,
            unhealthyNodeConditions: [
              { type: 'Ready', status: 'Unknown', timeoutSeconds: 300 },
              { type: 'Ready', status: 'False', timeoutSeconds: 300 },
            ],
          }),
        /** Whether a cluster-autoscaler runs for tenant clusters (only then is autoscaling offered). */
        autoscaler: z.boolean().default(false),
      })
      .strict(),
    /** Tenant-cluster API servers trust this OIDC issuer when a tenant asks for personal access. */
    tenantOidc: z
      .object({
        issuerUrl: z.url(),
        clientId: z.string().min(1),
        usernameClaim: z.string().default('email'),
        usernamePrefix: z.string().min(1).default('oidc:'),
        groupsClaim: z.string().default('groups'),
        groupsPrefix: z.string().min(1).default('oidc:'),
        /** The add-on that binds the tenant's groups inside its cluster (role `access`). */
        accessAddon: dnsName,
      })
      .strict()
      .optional(),
    addons: z.array(addonSchema).default([]),
    virtualMachines: z
      .object({
        /** ReadWriteMany + Block disks let VMs live-migrate (LINSTOR: allow-two-primaries). */
        diskAccessMode: z.enum(['ReadWriteOnce', 'ReadWriteMany']).default('ReadWriteMany'),
        diskVolumeMode: z.enum(['Block', 'Filesystem']).default('Block'),
        diskAnnotations: z.record(z.string(), z.string()).default({}),
        bootSources: z.array(bootSourceSchema).default([]),
      })
      .strict()
      .default({
        diskAccessMode: 'ReadWriteMany',
        diskVolumeMode: 'Block',
        diskAnnotations: {},
        bootSources: [],
      }),
  })
  .strict()
  .superRefine((c, ctx) => {
    const sources = new Set<string>();
    for (const [i, b] of c.virtualMachines.bootSources.entries()) {
      if (sources.has(b.id))
        ctx.addIssue({
          code: 'custom',
          path: ['virtualMachines', 'bootSources', i, 'id'],
          message: 'is listed twice',
        });
      sources.add(b.id);
    }
    for (const v of Object.keys(c.workers.images))
      if (!parseVersion(v))
        ctx.addIssue({
          code: 'custom',
          path: ['workers', 'images', v],
          message: 'is not a Kubernetes version like v1.34.1',
        });
    const ids = new Set<string>();
    for (const [i, a] of c.addons.entries()) {
      if (ids.has(a.id))
        ctx.addIssue({ code: 'custom', path: ['addons', i, 'id'], message: 'is listed twice' });
      ids.add(a.id);
    }
    for (const [i, a] of c.addons.entries())
      for (const d of a.dependsOn)
        if (!ids.has(d) || d === a.id)
          ctx.addIssue({
            code: 'custom',
            path: ['addons', i, 'dependsOn'],
            message: `names ${d}, which is not another add-on of the catalog`,
          });
    if (c.addons.filter((a) => a.role === 'cni').length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['addons'],
        message: 'needs exactly one add-on with role cni (nodes are NotReady without one)',
      });
    const cni = c.addons.find((a) => a.role === 'cni');
    if (cni && !cni.required)
      ctx.addIssue({
        code: 'custom',
        path: ['addons'],
        message: `${cni.id} (cni) must be required`,
      });
    if (c.tenantOidc && !c.addons.some((a) => a.id === c.tenantOidc?.accessAddon))
      ctx.addIssue({
        code: 'custom',
        path: ['tenantOidc', 'accessAddon'],
        message: 'must name an add-on of the catalog',
      });
    const preset = c.controlPlane.defaultPreset;
    if (preset && !c.controlPlane.presets[preset])
      ctx.addIssue({
        code: 'custom',
        path: ['controlPlane', 'defaultPreset'],
        message: 'must name one of the presets',
      });
  });

export type PlatformConfig = z.infer<typeof platformConfigSchema>;
export type AddonSpec = PlatformConfig['addons'][number];
export type BootSource = PlatformConfig['virtualMachines']['bootSources'][number];

export class PlatformConfigError extends Error {}

/** Parses and validates the YAML text; the error lists every problem with its path. */
export function parsePlatformConfig(text: string, source = 'platform config'): PlatformConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new PlatformConfigError(`${source}: not valid YAML: ${(e as Error).message}`);
  }
  const r = platformConfigSchema.safeParse(raw ?? {});
  if (!r.success)
    throw new PlatformConfigError(
      `${source} is invalid:\n` +
        r.error.issues.map((i) => `  - ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n'),
    );
  return r.data;
}
