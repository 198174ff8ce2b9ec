import { expect, type Locator, type Page } from '@playwright/test';

/** /t/<tenant>/clusters/new */
export class CreateClusterPage {
  readonly name: Locator;
  readonly nodes: Locator;
  readonly submit: Locator;
  readonly showYaml: Locator;
  readonly yaml: Locator;
  readonly formError: Locator;

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
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/clusters/new`);
    await expect(
      this.page.getByRole('heading', { name: 'Create a Kubernetes cluster' }),
    ).toBeVisible();
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

  nodeGroup(group: string): Locator {
    return this.page.locator(`[data-testid="node-group-row"][data-name="${group}"]`);
  }

  async scale(group: string, nodes: number): Promise<void> {
    await this.page.getByLabel(`${group} nodes`, { exact: true }).fill(String(nodes));
    await this.nodeGroup(group).getByRole('button', { name: 'Scale' }).click();
  }
}
