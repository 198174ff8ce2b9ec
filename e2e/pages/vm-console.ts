import { expect, type Locator, type Page } from '@playwright/test';

/** What a canvas shows: how many pixels are not black, and a checksum to see it change. */
export interface Screen {
  width: number;
  height: number;
  lit: number;
  sum: number;
}

/** /t/<tenant>/virtualmachines/<name>/console */
export class VmConsolePage {
  readonly status: Locator;
  readonly end: Locator;
  readonly takeOver: Locator;
  readonly reconnect: Locator;
  readonly ctrlAltDel: Locator;
  readonly vncScreen: Locator;
  readonly canvas: Locator;
  readonly terminal: Locator;
  readonly terminalRows: Locator;
  readonly textToType: Locator;
  readonly typeIt: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
    readonly name: string,
  ) {
    this.status = page.getByTestId('console-status');
    this.end = page.getByTestId('console-end');
    this.takeOver = page.getByRole('button', { name: 'Take over' });
    this.reconnect = page.getByRole('button', { name: 'Reconnect' });
    this.ctrlAltDel = page.getByRole('button', { name: 'Send Ctrl+Alt+Del' });
    this.vncScreen = page.getByRole('region', { name: `Screen of ${name}` });
    this.canvas = this.vncScreen.locator('canvas');
    this.terminal = page.getByRole('region', { name: `Serial console of ${name}` });
    // xterm.js's DOM renderer: one div per row.
    this.terminalRows = this.terminal.locator('.xterm-rows');
    this.textToType = page.getByLabel('Text to type into the VM');
    this.typeIt = page.getByRole('button', { name: 'Type it', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/virtualmachines/${this.name}/console`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: `Console of ${this.name}` }),
    ).toBeVisible();
  }

  tab(name: 'VNC' | 'Serial'): Locator {
    return this.page.getByRole('tab', { name });
  }

  async expectPhase(
    phase: 'connecting' | 'connected' | 'ended' | 'reconnecting',
    timeout?: number,
  ): Promise<void> {
    await expect(this.status).toHaveAttribute('data-phase', phase, { timeout });
  }

  /** The console ended with this close code and sentence. */
  async expectEnded(code: number, sentence: string | RegExp, timeout?: number): Promise<void> {
    await this.expectPhase('ended', timeout);
    await expect(this.end).toHaveAttribute('data-code', String(code));
    await expect(this.end).toHaveText(sentence);
  }

  /** Reads noVNC's canvas pixels. */
  screen(): Promise<Screen> {
    return this.canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const ctx = c.getContext('2d');
      if (!ctx || !c.width || !c.height) return { width: 0, height: 0, lit: 0, sum: 0 };
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let lit = 0;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) {
        const v = (d[i] ?? 0) + (d[i + 1] ?? 0) + (d[i + 2] ?? 0);
        if (v > 0) lit++;
        sum = (sum * 31 + v * ((i >> 2) % 977)) % 1_000_000_007;
      }
      return { width: c.width, height: c.height, lit, sum };
    });
  }

  /** Waits until the canvas shows a picture (more than a blank or a single-colour frame). */
  async expectScreenShown(): Promise<Screen> {
    await expect
      .poll(async () => (await this.screen()).lit, { timeout: 15_000 })
      .toBeGreaterThan(10_000);
    return this.screen();
  }
}
