import { expect, type Locator, type Page } from '@playwright/test';

/** /t/<tenant>/virtualmachines/new */
export class CreateVmPage {
  readonly name: Locator;
  readonly bootSource: Locator;
  readonly size: Locator;
  readonly rootDisk: Locator;
  readonly sshKeys: Locator;
  readonly cloudInit: Locator;
  readonly exposeSsh: Locator;
  readonly submit: Locator;
  readonly showYaml: Locator;
  readonly yaml: Locator;
  readonly formError: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
  ) {
    this.name = page.getByLabel('Name', { exact: true });
    this.bootSource = page.getByLabel('Boot image', { exact: true });
    this.size = page.getByLabel('Size', { exact: true });
    this.rootDisk = page.getByLabel('Root disk (GiB)', { exact: true });
    this.sshKeys = page.getByLabel('SSH public keys', { exact: true });
    this.cloudInit = page.getByLabel('Cloud-init user data', { exact: true });
    this.exposeSsh = page.getByRole('checkbox', { name: 'Give SSH (port 22) a public address' });
    this.submit = page.getByRole('button', { name: 'Create virtual machine' });
    this.showYaml = page.getByRole('button', { name: 'Show YAML' });
    this.yaml = page.getByTestId('yaml');
    this.formError = page.getByTestId('form-error');
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/virtualmachines/new`);
    await expect(this.page.getByRole('heading', { name: 'New virtual machine' })).toBeVisible();
  }
}

/** /t/<tenant>/virtualmachines/<name> */
export class VmPage {
  readonly status: Locator;
  readonly summary: Locator;
  readonly ip: Locator;
  readonly node: Locator;
  readonly deleteButton: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
    readonly name: string,
  ) {
    this.status = page.getByRole('main').getByTestId('vm-status').first();
    this.summary = page.getByTestId('vm-summary');
    this.ip = page.getByTestId('vm-ip');
    this.node = page.getByTestId('vm-node');
    this.deleteButton = page.getByRole('main').getByRole('button', { name: 'Delete', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/virtualmachines/${this.name}`);
    await expect(this.page.getByRole('heading', { level: 1, name: this.name })).toBeVisible();
  }

  power(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Power' })
      .getByRole('button', { name: label, exact: true });
  }

  async expectStatus(status: string, timeout = 30_000): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', status, { timeout });
  }

  snapshots(): Locator {
    return this.page.getByTestId('snapshot-row');
  }

  /** Deletes with the name typed back, keeping the disks or not. */
  async delete(keepDisks = false): Promise<void> {
    await this.deleteButton.click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog.getByTestId('delete-preview')).toContainText('DataVolume ');
    if (keepDisks) await dialog.getByRole('checkbox', { name: /Keep the disks/ }).check();
    await dialog.getByRole('textbox').fill(this.name);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  }
}
