import { readFile } from 'node:fs/promises';

import { expect, type Locator, type Page } from '@playwright/test';

/** /t/<tenant>/clusters/new */
export class CreateClusterPage {
  readonly name: Locator;
  readonly nodes: Locator;
  readonly submit: Locator;
  readonly showYaml: Locator;
  readonly yaml: Locator;
  readonly formError: Locator;
  readonly personalAccess: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
  ) {
    this.name = page.getByLabel('Name', { exact: true });
    this.nodes = page.getByLabel('Nodes', { exact: true });
    this.submit = page.getByRole('button', { name: 'Create cluster' });
    this.showYaml = page.getByRole('button', { name: 'Show YAML' });
    this.yaml = page.getByTestId('yaml');
    this.formError = page.getByTestId('form-error');
    this.personalAccess = page.getByRole('checkbox', { name: /^Personal access/ });
  }

  /** An add-on's checkbox, by catalog id. */
  addon(id: string): Locator {
    return this.page.getByTestId('addons').getByRole('checkbox', { name: new RegExp(`^${id} `) });
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/clusters/new`);
    await expect(
      this.page.getByRole('heading', { name: 'Create a Kubernetes cluster' }),
    ).toBeVisible();
  }

  /** The form, opened with a name and a one-group size filled in. */
  async start(name: string, nodes: string): Promise<void> {
    await this.goto();
    await this.name.fill(name);
    await this.nodes.fill(nodes);
  }
}

/** /t/<tenant>/clusters/<name> */
export class ClusterPage {
  readonly summary: Locator;
  readonly deleteButton: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
    readonly name: string,
  ) {
    this.summary = page.getByTestId('cluster-summary');
    this.deleteButton = page.getByRole('main').getByRole('button', { name: 'Delete', exact: true });
  }

  addon(id: string): Locator {
    return this.page.locator(`[data-testid="addon-row"][data-name="${id}"]`);
  }

  /** The add-on's health as the badge says it (Ready, Failed, Installing, …). */
  addonState(id: string): Locator {
    return this.addon(id).locator('[data-column="health"] [data-tone]');
  }

  healthCheck(group: string): Locator {
    return this.page.locator(`[data-testid="health-check-row"][data-name="${group}"]`);
  }

  nodeGroup(group: string): Locator {
    return this.page.locator(`[data-testid="node-group-row"][data-name="${group}"]`);
  }

  async scale(group: string, nodes: number): Promise<void> {
    await this.page.getByLabel(`${group} nodes`, { exact: true }).fill(String(nodes));
    await this.nodeGroup(group).getByRole('button', { name: 'Scale' }).click();
  }
}

/** /t/<tenant>/kubeconfig */
export class KubeconfigPage {
  constructor(
    readonly page: Page,
    readonly tenant: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/kubeconfig`);
  }

  row(cluster: string): Locator {
    return this.page.locator(`[data-testid="kubeconfig-row"][data-name="${cluster}"]`);
  }

  adminDownload(cluster: string): Locator {
    return this.row(cluster).getByRole('link', { name: 'Download', exact: true });
  }

  personal(cluster: string): Locator {
    return this.row(cluster).getByTestId('personal-kubeconfig');
  }

  /** Clicks a download link and resolves to the file's name and text. */
  async download(link: Locator): Promise<{ name: string; text: string }> {
    const downloading = this.page.waitForEvent('download');
    await link.click();
    const d = await downloading;
    return { name: d.suggestedFilename(), text: await readFile((await d.path()) ?? '', 'utf8') };
  }
}
