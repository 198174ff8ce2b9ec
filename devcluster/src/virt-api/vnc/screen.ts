// What the guest's display shows: a title bar with the VM's name, the boot log and a getty prompt on
// tty1 that answers typed keys. Pure: key events in, the changed rectangle out.
import { bootLines, LoginPrompt } from '../login.ts';
import { Framebuffer, type Rect } from './framebuffer.ts';
import { GLYPH_W } from './font.ts';
import { Terminal } from './terminal.ts';

export const WIDTH = 720;
export const HEIGHT = 400;
const TITLE_H = 26;
const LINE_H = 9;
const ADVANCE = GLYPH_W + 1;
export const colors = {
  background: 0x000000,
  text: 0xc0c0c0,
  title: 0x1f3a5f,
  titleText: 0xffffff,
};

const keysyms: Record<number, string> = {
  0xff0d: '\r',
  0xff8d: '\r',
  0xff08: '\x7f',
  0xff09: '\t',
};
const CONTROL = new Set([0xffe3, 0xffe4]);

export interface Guest {
  namespace: string;
  name: string;
  os?: { prettyName?: string; kernelRelease?: string };
}

/** The title line: what a test looks for to know whose screen it sees. */
export const titleOf = (g: Guest): string => `${g.namespace}/${g.name}`;

export class VncScreen {
  readonly fb = new Framebuffer(WIDTH, HEIGHT);
  /** QEMU names the VNC desktop after the libvirt domain: <namespace>_<name>. */
  readonly desktopName: string;
  private readonly term = new Terminal(
    Math.floor(WIDTH / ADVANCE) - 1,
    Math.floor((HEIGHT - TITLE_H - 4) / LINE_H),
  );
  private readonly login: LoginPrompt;
  private ctrl = false;

  constructor(private readonly guest: Guest) {
    this.desktopName = `${guest.namespace}_${guest.name}`;
    this.login = new LoginPrompt(guest.name);
    this.term.write(
      bootLines(guest.name, guest.os ?? {})
        .join('\r\n')
        .replace('ttyS0', 'tty1') + '\r\n',
    );
    this.term.write(this.login.prompt());
    this.render();
  }

  /** A KeyEvent; returns the rectangle that changed, if any. */
  key(down: boolean, keysym: number): Rect | undefined {
    if (CONTROL.has(keysym)) {
      this.ctrl = down;
      return undefined;
    }
    if (!down) return undefined;
    let ch =
      keysyms[keysym] ?? (keysym >= 0x20 && keysym <= 0x7e ? String.fromCharCode(keysym) : '');
    if (this.ctrl && /^[a-z]$/i.test(ch))
      ch = String.fromCharCode(ch.toLowerCase().charCodeAt(0) - 96);
    if (!ch) return undefined;
    const out = this.login.input(ch);
    if (!out) return undefined;
    this.term.write(out);
    const before = this.fb.pixels.slice();
    this.render();
    return this.fb.changedSince(before);
  }

  private render(): void {
    const fb = this.fb;
    fb.fill({ x: 0, y: 0, w: WIDTH, h: HEIGHT }, colors.background);
    fb.fill({ x: 0, y: 0, w: WIDTH, h: TITLE_H }, colors.title);
    fb.text(8, 6, titleOf(this.guest), colors.titleText, 2);
    const top = TITLE_H + 4;
    this.term.lines.forEach((line, i) => fb.text(4, top + i * LINE_H, line, colors.text));
    const { row, col } = this.term.cursor;
    fb.fill({ x: 4 + col * ADVANCE, y: top + row * LINE_H + 7, w: GLYPH_W, h: 1 }, colors.text);
  }
}
