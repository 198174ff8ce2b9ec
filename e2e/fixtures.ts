// Shared fixtures: a worker-scoped cluster-admin client, per-test cleanup of what a test created,
// unique names, and pages signed in as a demo user.
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import type { KubernetesObject } from '@kubernetes/client-node';

import { Admin, loadBalancer, uniqueName as unique, virtualMachine } from '../lib/testing/admin';
import { authFile, type DemoName } from './auth';
import { hydrating } from './hydration';

/** Deletes, after the test, whatever was registered with it, newest first. */
export class Cleanup {
  private readonly objects: KubernetesObject[] = [];

  constructor(private readonly admin: Admin) {}

  add<T extends KubernetesObject>(o: T): T {
    this.objects.push(o);
    return o;
  }

  async run(): Promise<void> {
    for (const o of this.objects.splice(0).reverse()) await this.admin.remove(o);
  }
}

/** Creates test objects with cluster-admin, registered for cleanup. Resolves to their names. */
export class Make {
  constructor(
    private readonly admin: Admin,
    private readonly cleanup: Cleanup,
    private readonly name: (prefix: string) => string,
  ) {}

  async loadBalancer(namespace: string, prefix = 'lb'): Promise<string> {
    const o = this.cleanup.add(loadBalancer(namespace, this.name(prefix)));
    await this.admin.create(o);
    return o.metadata?.name ?? '';
  }

  async vm(namespace: string, prefix = 'vm'): Promise<string> {
    const o = this.cleanup.add(virtualMachine(namespace, this.name(prefix)));
    await this.admin.create(o);
    return o.metadata?.name ?? '';
  }

  async volume(namespace: string, prefix = 'pvc'): Promise<string> {
    const o = this.cleanup.add({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: this.name(prefix), namespace, labels: { 'stratus.dev/test': 'true' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    } as KubernetesObject);
    await this.admin.create(o);
    return o.metadata?.name ?? '';
  }

  /** A kwok-managed fake node, so the operator console has something of ours to list. */
  async node(prefix = 'node'): Promise<string> {
    const o = this.cleanup.add({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: this.name(prefix),
        annotations: { 'kwok.x-k8s.io/node': 'fake' },
        labels: { 'stratus.dev/test': 'true', type: 'kwok' },
      },
      spec: { taints: [{ key: 'kwok.x-k8s.io/node', value: 'fake', effect: 'NoSchedule' }] },
    } as KubernetesObject);
    await this.admin.create(o);
    return o.metadata?.name ?? '';
  }
}

/** A fresh context and page signed in as a demo user (state saved by auth.setup.ts). */
export async function pageAs(browser: Browser, who: DemoName, app: string): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(who), baseURL: app });
  return hydrating(await context.newPage(), app);
}

interface TestFixtures {
  cleanup: Cleanup;
  /** A name no other test or run uses, e.g. uniqueName('lb') → lb-w0-<time><random>. */
  uniqueName: (prefix: string) => string;
  make: Make;
  /** Pages of other users in the same test, closed afterwards. */
  as: (who: DemoName) => Promise<Page>;
}

interface WorkerFixtures {
  admin: Admin;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  page: async ({ page, baseURL }, provide) => {
    await provide(hydrating(page, baseURL ?? ''));
  },
  admin: [
    async ({}, provide) => {
      await provide(new Admin());
    },
    { scope: 'worker' },
  ],
  cleanup: async ({ admin }, provide) => {
    const cleanup = new Cleanup(admin);
    await provide(cleanup);
    await cleanup.run();
  },
  uniqueName: async ({}, provide, testInfo) => {
    await provide((prefix) => unique(`${prefix}-w${testInfo.workerIndex}`));
  },
  make: async ({ admin, cleanup, uniqueName }, provide) => {
    await provide(new Make(admin, cleanup, uniqueName));
  },
  as: async ({ browser, baseURL }, provide) => {
    const pages: Page[] = [];
    await provide(async (who) => {
      const page = await pageAs(browser, who, baseURL ?? '');
      pages.push(page);
      return page;
    });
    for (const p of pages) await p.context().close();
  },
});

export { expect };
