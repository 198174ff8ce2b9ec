import { describe, expect, it } from 'vitest';

import { Framebuffer, findText } from './framebuffer.ts';
import { glyph } from './font.ts';
import { colors, VncScreen } from './screen.ts';
import { Terminal } from './terminal.ts';

describe('font and framebuffer', () => {
  it('has a glyph for every printable character, distinct for letters', () => {
    const seen = new Set<string>();
    for (let c = 0x21; c <= 0x7e; c++) {
      const rows = glyph(String.fromCharCode(c));
      expect(rows.some((r) => r > 0)).toBe(true);
      seen.add(rows.join(','));
    }
    expect(seen.size).toBe(0x7e - 0x21 + 1);
  });
  it('finds text where it was drawn, and not other text', () => {
    const fb = new Framebuffer(120, 40);
    fb.text(13, 9, 'vm-7', 0xffffff, 2);
    expect(findText(fb.pixels, 120, 40, 'vm-7', 0xffffff, 2)).toEqual({ x: 13, y: 9 });
    expect(findText(fb.pixels, 120, 40, 'vm-1', 0xffffff, 2)).toBeUndefined();
  });
});

describe('terminal', () => {
  it('handles CR, LF, backspace and scrolls', () => {
    const t = new Terminal(10, 2);
    t.write('ab\b\bX\r\nline2\r\nline3');
    expect(t.lines).toEqual(['line2', 'line3']);
  });
});

describe('VNC screen', () => {
  it('shows typed characters on the prompt line and changes only that area', () => {
    const s = new VncScreen({ namespace: 'n', name: 'db' });
    const changed = s.key(true, 0x72);
    expect(changed && changed.h).toBeLessThan(20);
    s.key(true, 0x6f);
    s.key(true, 0x6f);
    s.key(true, 0x74);
    expect(findText(s.fb.pixels, 720, 400, 'db login: root', colors.text)).toBeDefined();
    expect(s.key(false, 0x74)).toBeUndefined();
    s.key(true, 0xff0d);
    expect(findText(s.fb.pixels, 720, 400, 'Password:', colors.text)).toBeDefined();
  });
});
