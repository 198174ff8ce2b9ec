// A text grid fed with terminal output: printable characters, CR, LF and backspace (enough for a
// login prompt). What the VNC screen shows and the serial console sends come from the same text.
export class Terminal {
  readonly lines: string[];
  private row = 0;
  private col = 0;

  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {
    this.lines = Array.from({ length: rows }, () => '');
  }

  get cursor(): { row: number; col: number } {
    return { row: this.row, col: this.col };
  }

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\r') this.col = 0;
      else if (ch === '\n') this.newline();
      else if (ch === '\b') this.col = Math.max(0, this.col - 1);
      else if (ch >= ' ' && ch <= '~') this.put(ch);
    }
  }

  private put(ch: string): void {
    if (this.col >= this.cols) {
      this.col = 0;
      this.newline();
    }
    const line = (this.lines[this.row] ?? '').padEnd(this.col, ' ');
    this.lines[this.row] = (line.slice(0, this.col) + ch + line.slice(this.col + 1)).trimEnd();
    this.col++;
  }

  private newline(): void {
    if (this.row < this.rows - 1) this.row++;
    else {
      this.lines.shift();
      this.lines.push('');
    }
  }
}
