// Cluster-admin helpers for integration and end-to-end tests: set up and tear down the objects a test
// needs on the `test` profile of the local management cluster, outside the dashboard's own access path.
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import {
  ApiException,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  type KubernetesObject,
} from '@kubernetes/client-node';

import { dataStoreFor } from '../../devcluster/src/seed/platform.ts';
import { tenantObjects as seedTenantObjects } from '../../devcluster/src/seed/tenants.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** The test profile's data dir (the same rule as devcluster/src/config.ts). */
export function testClusterDir(): string {
  return path.join(
    process.env.STRATUS_DEVCLUSTER_DIR ?? path.join(repoRoot, '.devcluster'),
    'test',
  );
}

export function adminKubeconfigPath(): string {
  return (
    process.env.STRATUS_TEST_ADMIN_KUBECONFIG ?? path.join(testClusterDir(), 'admin.kubeconfig')
  );
}

/** A DNS-1035 name no other test (or earlier run) uses: `<prefix>-<base36 time><random>`. */
export function uniqueName(prefix: string): string {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  return `${prefix}-${suffix}`.slice(0, 63);
}

export function isNotFound(err: unknown): boolean {
  return err instanceof ApiException && err.code === 404;
}

/**
 * A tenant exactly as the seed makes one (devcluster/src/seed tenantObjects, which follows
 * deploy/rbac/tenant.example.yaml); without bindings, nobody's groups grant anything in it.
 */
export function tenantObjects(
  name: string,
  opts: { bindings?: boolean; displayName?: string } = {},
): KubernetesObject[] {
  const tenant = { name, namespace: `tenant-${name}`, displayName: opts.displayName ?? name };
  return seedTenantObjects(tenant).filter(
    (o) => opts.bindings !== false || o.kind !== 'RoleBinding',
  ) as KubernetesObject[];
}

export interface TestTenant {
  name: string;
  namespace: string;
  displayName: string;
}

/** cluster-admin on the test cluster, with the few operations tests need. */
export class Admin {
  readonly kc: KubeConfig;
  readonly objects: KubernetesObjectApi;

  constructor(kubeconfigFile: string = adminKubeconfigPath()) {
    this.kc = new KubeConfig();
    this.kc.loadFromFile(kubeconfigFile);
    this.objects = KubernetesObjectApi.makeApiClient(this.kc);
  }

  /** Server-side apply: idempotent. */
  async apply(objects: KubernetesObject[]): Promise<void> {
    for (const o of objects) {
      await this.objects.patch(
        o,
        undefined,
        undefined,
        'stratus-tests',
        true,
        PatchStrategy.ServerSideApply,
      );
    }
  }

  create<T extends KubernetesObject>(o: T): Promise<T> {
    return this.objects.create(o);
  }

  async list(
    apiVersion: string,
    kind: string,
    opts: { namespace?: string; labelSelector?: string; fieldSelector?: string } = {},
  ): Promise<KubernetesObject[]> {
    const list = await this.objects.list(
      apiVersion,
      kind,
      opts.namespace,
      undefined,
      undefined,
      undefined,
      opts.fieldSelector,
      opts.labelSelector,
    );
    return list.items;
  }

  /** The object, or undefined once it is gone. */
  async get(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<KubernetesObject | undefined> {
    try {
      return await this.objects.read({
        apiVersion,
        kind,
        metadata: { name, ...(namespace ? { namespace } : {}) },
      });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Whether the object exists and nobody has started deleting it. */
  async intact(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<boolean> {
    const o = await this.get(apiVersion, kind, namespace, name);
    return !!o && !o.metadata?.deletionTimestamp;
  }

  /** Deletes, ignoring objects that are already gone. */
  async remove(o: KubernetesObject): Promise<void> {
    try {
      await this.objects.delete(o, undefined, undefined, 0, undefined, 'Background');
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /** Removes what `apply` made from these objects, last first (a policy's binding before it). */
  async removeAll(objects: KubernetesObject[]): Promise<void> {
    for (const o of [...objects].reverse()) await this.remove(o);
  }

  /** A throwaway tenant, exactly like a real one; without bindings nobody is a member. */
  async createTenant(
    name: string,
    opts: { bindings?: boolean; displayName?: string; dataStore?: boolean } = {},
  ): Promise<TestTenant> {
    const displayName = opts.displayName ?? `Test tenant ${name}`;
    await this.apply(tenantObjects(name, { ...opts, displayName }));
    // The platform's pattern is one Kamaji DataStore per tenant namespace.
    if (opts.dataStore !== false) await this.apply([dataStore(`tenant-${name}`)]);
    return { name, namespace: `tenant-${name}`, displayName };
  }

  async deleteTenant(name: string): Promise<void> {
    await this.remove(dataStore(`tenant-${name}`));
    await this.remove({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `tenant-${name}` },
    });
  }

  createLoadBalancer(namespace: string, name: string): Promise<KubernetesObject> {
    return this.create(loadBalancer(namespace, name));
  }

  createVm(namespace: string, name: string): Promise<KubernetesObject> {
    return this.create(virtualMachine(namespace, name));
  }

  /** A VM with runStrategy Always, once the simulator reports its instance Running. */
  async startVm(namespace: string, name: string, timeoutMs = 60_000): Promise<void> {
    const vm = virtualMachine(namespace, name) as ReturnType<typeof virtualMachine> & {
      spec: { runStrategy: string };
    };
    vm.spec.runStrategy = 'Always';
    await this.create(vm);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const vmi = (await this.get('kubevirt.io/v1', 'VirtualMachineInstance', namespace, name)) as
        { status?: { phase?: string } } | undefined;
      if (vmi?.status?.phase === 'Running') return;
      if (Date.now() > deadline) throw new Error(`VM ${namespace}/${name} did not start`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** A tenant's Kamaji DataStore (cluster-scoped), as the operator creates it for the demo tenants. */
export function dataStore(namespace: string): KubernetesObject {
  return dataStoreFor(namespace, namespace.replace(/^tenant-/, '')) as KubernetesObject;
}

export function loadBalancer(namespace: string, name: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { 'stratus.dev/test': 'true' } },
    spec: {
      type: 'LoadBalancer',
      selector: { app: name },
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
    },
  } as KubernetesObject;
}

export function virtualMachine(namespace: string, name: string): KubernetesObject {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, namespace, labels: { 'stratus.dev/test': 'true' } },
    spec: {
      runStrategy: 'Halted',
      template: { spec: { domain: { devices: {} } } },
    },
  } as KubernetesObject;
}

/**
 * A ValidatingAdmissionPolicy and its binding that make the real API server refuse creates in one
 * namespace when `expression` is false — only real creates: dry runs pass, so a writer's rollback
 * path is what a test exercises.
 */
export function refuseCreates(
  name: string,
  namespace: string,
  rules: { apiGroups: string[]; resources: string[] },
  expression: string,
  message: string,
): KubernetesObject[] {
  const policy = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
        resourceRules: [{ ...rules, apiVersions: ['*'], operations: ['CREATE'] }],
      },
      validations: [{ expression: `request.dryRun == true || (${expression})`, message }],
    },
  };
  const binding = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name },
    spec: { policyName: name, validationActions: ['Deny'] },
  };
  return [policy, binding];
}

/** A paused Cluster with a `<name>-kubeconfig` Secret, as Cluster API leaves them: for download tests. */
export async function clusterWithKubeconfig(
  admin: Admin,
  namespace: string,
  name: string,
  value = 'apiVersion: v1\nkind: Config\n',
): Promise<void> {
  await admin.create({
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: { name, namespace },
    spec: { paused: true },
  } as KubernetesObject);
  await admin.apply([
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${name}-kubeconfig`, namespace },
      stringData: { value },
    } as KubernetesObject,
  ]);
}
