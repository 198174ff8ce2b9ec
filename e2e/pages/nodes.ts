import { expect, type Locator, type Page } from '@playwright/test';

/** /console/nodes */
export class NodesPage {
  readonly heading: Locator;
  readonly healthChecks: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Nodes', exact: true });
    this.healthChecks = page.getByTestId('health-check');
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/nodes');
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.locator(`tr[data-name="${name}"]`);
  }

  cell(name: string, column: string): Locator {
    return this.row(name).locator(`[data-column="${column}"]`);
  }

  healthCheck(name: string): Locator {
    return this.page.locator(`[data-testid="health-check"][data-name="${name}"]`);
  }
}

/** /console/nodes/<name> */
export class NodePage {
  readonly ready: Locator;
  readonly cordoned: Locator;
  readonly remediations: Locator;
  readonly affectedVms: Locator;
  readonly pods: Locator;
  readonly drainResult: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.ready = page.getByTestId('node-ready');
    this.cordoned = page.getByTestId('node-cordoned');
    this.remediations = page.getByTestId('remediation');
    this.affectedVms = page.getByTestId('affected-vm');
    this.pods = page.getByTestId('node-pod');
    this.drainResult = page.getByTestId('drain-result');
  }

  get path(): string {
    return `/console/nodes/${this.name}`;
  }

  async goto(): Promise<void> {
    await this.page.goto(this.path);
    await expect(this.page.getByRole('heading', { name: this.name, level: 1 })).toBeVisible();
  }

  /** Clicks an action, then Confirm in its dialog. */
  async act(label: 'Cordon' | 'Uncordon' | 'Drain' | 'Fence now'): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  }

  timeline(remediation: string): Locator {
    return this.page
      .locator(`[data-testid="remediation"][data-name="${remediation}"]`)
      .getByTestId('timeline')
      .locator('li');
  }

  pod(name: string): Locator {
    return this.page.locator(`[data-testid="node-pod"][data-name="${name}"]`);
  }
}
