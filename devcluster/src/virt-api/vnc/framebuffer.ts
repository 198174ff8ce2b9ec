// An RGB framebuffer with rectangle fills and text in the 5x7 font. Pixels are 0xRRGGBB.
import { GLYPH_H, GLYPH_W, glyph, lit } from './font.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class Framebuffer {
  readonly pixels: Uint32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint32Array(width * height);
  }

  at(x: number, y: number): number {
    return this.pixels[y * this.width + x] ?? 0;
  }

  fill(r: Rect, color: number): void {
    const c = clip(r, this.width, this.height);
    for (let y = c.y; y < c.y + c.h; y++)
      this.pixels.fill(color, y * this.width + c.x, y * this.width + c.x + c.w);
  }

  /** Draws `text` from (x, y), each font pixel `scale` pixels square, one blank column between glyphs. */
  text(x: number, y: number, text: string, color: number, scale = 1): void {
    let cx = x;
    for (const ch of text) {
      const rows = glyph(ch);
      for (let gy = 0; gy < GLYPH_H; gy++)
        for (let gx = 0; gx < GLYPH_W; gx++)
          if (lit(rows, gx, gy))
            this.fill({ x: cx + gx * scale, y: y + gy * scale, w: scale, h: scale }, color);
      cx += (GLYPH_W + 1) * scale;
    }
  }

  /** The bounding box of pixels that differ from `before` (same size), or undefined if none. */
  changedSince(before: Uint32Array): Rect | undefined {
    let x0 = this.width,
      y0 = this.height,
      x1 = -1,
      y1 = -1;
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const i = y * this.width + x;
        if (this.pixels[i] === before[i]) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
    return x1 < 0 ? undefined : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
  }
}

export function clip(r: Rect, width: number, height: number): Rect {
  const x = Math.max(0, Math.min(r.x, width));
  const y = Math.max(0, Math.min(r.y, height));
  return {
    x,
    y,
    w: Math.max(0, Math.min(r.x + r.w, width) - x),
    h: Math.max(0, Math.min(r.y + r.h, height) - y),
  };
}

/** Where `text` drawn in `color` at `scale` appears in an RGB pixel array (top-left of the first glyph). */
export function findText(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  text: string,
  color: number,
  scale = 1,
): { x: number; y: number } | undefined {
  const mask = new Framebuffer((GLYPH_W + 1) * scale * text.length, GLYPH_H * scale);
  mask.text(0, 0, text, 1, scale);
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < mask.pixels.length; i++) (mask.pixels[i] ? on : off).push(i);
  const offset = (i: number) => Math.floor(i / mask.width) * width + (i % mask.width);
  for (let y = 0; y + mask.height <= height; y++)
    for (let x = 0; x + mask.width <= width; x++) {
      const base = y * width + x;
      if (
        on.every((i) => pixels[base + offset(i)] === color) &&
        off.every((i) => pixels[base + offset(i)] !== color)
      )
        return { x, y };
    }
  return undefined;
}
