// The server side of RFB 3.8 (RFC 6143) as a byte-stream state machine: version and security
// handshake (None only; 3.3 and 3.7 clients too), ServerInit, and the client messages noVNC sends.
// Framebuffer updates use raw encoding in whatever true-colour format the client asked for.
import { clip, type Framebuffer, type Rect } from './framebuffer.ts';

export interface PixelFormat {
  bpp: number;
  depth: number;
  bigEndian: boolean;
  trueColour: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
}

/** QEMU's default: 32 bpp little-endian 0x00RRGGBB. */
export const serverFormat: PixelFormat = {
  bpp: 32,
  depth: 24,
  bigEndian: false,
  trueColour: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
};

export const VERSION = 'RFB 003.008\n';

export function encodePixelFormat(f: PixelFormat): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt8(f.bpp, 0);
  b.writeUInt8(f.depth, 1);
  b.writeUInt8(f.bigEndian ? 1 : 0, 2);
  b.writeUInt8(f.trueColour ? 1 : 0, 3);
  b.writeUInt16BE(f.redMax, 4);
  b.writeUInt16BE(f.greenMax, 6);
  b.writeUInt16BE(f.blueMax, 8);
  b.writeUInt8(f.redShift, 10);
  b.writeUInt8(f.greenShift, 11);
  b.writeUInt8(f.blueShift, 12);
  return b;
}

export function decodePixelFormat(b: Buffer, at = 0): PixelFormat {
  return {
    bpp: b.readUInt8(at),
    depth: b.readUInt8(at + 1),
    bigEndian: b.readUInt8(at + 2) !== 0,
    trueColour: b.readUInt8(at + 3) !== 0,
    redMax: b.readUInt16BE(at + 4),
    greenMax: b.readUInt16BE(at + 6),
    blueMax: b.readUInt16BE(at + 8),
    redShift: b.readUInt8(at + 10),
    greenShift: b.readUInt8(at + 11),
    blueShift: b.readUInt8(at + 12),
  };
}

/** One 0xRRGGBB pixel in format `f`. */
export function pixelValue(rgb: number, f: PixelFormat): number {
  const scale = (v: number, max: number) => Math.round((v * max) / 255);
  return (
    ((scale((rgb >> 16) & 0xff, f.redMax) << f.redShift) |
      (scale((rgb >> 8) & 0xff, f.greenMax) << f.greenShift) |
      (scale(rgb & 0xff, f.blueMax) << f.blueShift)) >>>
    0
  );
}

/** FramebufferUpdate with one raw rectangle per entry. */
export function framebufferUpdate(fb: Framebuffer, rects: Rect[], f: PixelFormat): Buffer {
  const bytes = f.bpp / 8;
  const parts: Buffer[] = [];
  const head = Buffer.alloc(4);
  head.writeUInt8(0, 0);
  head.writeUInt16BE(rects.length, 2);
  parts.push(head);
  for (const r of rects) {
    const h = Buffer.alloc(12);
    h.writeUInt16BE(r.x, 0);
    h.writeUInt16BE(r.y, 2);
    h.writeUInt16BE(r.w, 4);
    h.writeUInt16BE(r.h, 6);
    h.writeInt32BE(0, 8);
    const data = Buffer.alloc(r.w * r.h * bytes);
    let o = 0;
    for (let y = r.y; y < r.y + r.h; y++)
      for (let x = r.x; x < r.x + r.w; x++) {
        const v = pixelValue(fb.at(x, y), f);
        if (bytes === 4 && f.bigEndian) data.writeUInt32BE(v, o);
        else if (bytes === 4) data.writeUInt32LE(v, o);
        else if (bytes === 2 && f.bigEndian) data.writeUInt16BE(v, o);
        else if (bytes === 2) data.writeUInt16LE(v, o);
        else data.writeUInt8(v & 0xff, o);
        o += bytes;
      }
    parts.push(h, data);
  }
  return Buffer.concat(parts);
}

export interface Display {
  readonly fb: Framebuffer;
  readonly desktopName: string;
  key(down: boolean, keysym: number): Rect | undefined;
}

type Phase = 'version' | 'security' | 'init' | 'normal' | 'closed';

/** Feed it the client's bytes; it returns what to send back and whether to hang up. */
export class RfbServer {
  private phase: Phase = 'version';
  private buf = Buffer.alloc(0);
  private minor = 8;
  private format: PixelFormat = serverFormat;
  private pending: { incremental: boolean; rect: Rect } | undefined;
  private dirty: Rect | undefined;

  constructor(private readonly display: Display) {}

  get closed(): boolean {
    return this.phase === 'closed';
  }

  greeting(): Buffer {
    return Buffer.from(VERSION, 'latin1');
  }

  receive(chunk: Buffer): Buffer[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      const n = this.step(out);
      if (n === 0 || this.phase === 'closed') break;
      this.buf = this.buf.subarray(n);
    }
    return out;
  }

  /** Handles one message at the front of the buffer; returns its length, 0 if incomplete. */
  private step(out: Buffer[]): number {
    const b = this.buf;
    switch (this.phase) {
      case 'version': {
        if (b.length < 12) return 0;
        const m = /^RFB 003\.(\d{3})\n$/.exec(b.subarray(0, 12).toString('latin1'));
        if (!m) return this.fail(out, 'unsupported protocol version');
        // 3.3 has no type list; 3.7 has no SecurityResult for None; anything newer speaks 3.8.
        const minor = Number(m[1]);
        this.minor = minor >= 8 ? 8 : minor >= 7 ? 7 : 3;
        if (this.minor === 3) {
          out.push(u32(1));
          this.phase = 'init';
        } else {
          out.push(Buffer.from([1, 1]));
          this.phase = 'security';
        }
        return 12;
      }
      case 'security': {
        if (b.length < 1) return 0;
        if (b[0] !== 1) {
          if (this.minor === 8) out.push(u32(1), reason('security type not supported'));
          this.phase = 'closed';
          return 1;
        }
        if (this.minor === 8) out.push(u32(0));
        this.phase = 'init';
        return 1;
      }
      case 'init': {
        if (b.length < 1) return 0;
        const { fb, desktopName } = this.display;
        const head = Buffer.alloc(4);
        head.writeUInt16BE(fb.width, 0);
        head.writeUInt16BE(fb.height, 2);
        out.push(Buffer.concat([head, encodePixelFormat(this.format), reason(desktopName)]));
        this.phase = 'normal';
        return 1;
      }
      case 'normal':
        return this.message(out);
      default:
        return 0;
    }
  }

  private message(out: Buffer[]): number {
    const b = this.buf;
    if (b.length < 1) return 0;
    switch (b[0]) {
      case 0: // SetPixelFormat
        if (b.length < 20) return 0;
        {
          const f = decodePixelFormat(b, 4);
          // Colour maps are not offered; such a request keeps the current format.
          if (f.trueColour && [8, 16, 32].includes(f.bpp)) this.format = f;
        }
        return 20;
      case 2: {
        // SetEncodings: raw is always allowed, so the list changes nothing here.
        if (b.length < 4) return 0;
        const len = 4 + 4 * b.readUInt16BE(2);
        return b.length < len ? 0 : len;
      }
      case 3: {
        if (b.length < 10) return 0;
        const rect = {
          x: b.readUInt16BE(2),
          y: b.readUInt16BE(4),
          w: b.readUInt16BE(6),
          h: b.readUInt16BE(8),
        };
        this.pending = { incremental: b[1] !== 0, rect };
        this.flush(out);
        return 10;
      }
      case 4: {
        if (b.length < 8) return 0;
        const changed = this.display.key(b[1] !== 0, b.readUInt32BE(4));
        if (changed) this.dirty = this.dirty ? union(this.dirty, changed) : changed;
        this.flush(out);
        return 8;
      }
      case 5: // PointerEvent: nothing on this screen reacts to the mouse.
        return b.length < 6 ? 0 : 6;
      case 6: {
        if (b.length < 8) return 0;
        const len = 8 + b.readUInt32BE(4);
        return b.length < len ? 0 : len;
      }
      default:
        // An unknown message can't be skipped (its length is unknown): RFB servers hang up.
        this.phase = 'closed';
        return 0;
    }
  }

  /** Answers a pending update request: at once if full, else once something in it changed. */
  private flush(out: Buffer[]): void {
    const p = this.pending;
    if (!p) return;
    const { fb } = this.display;
    const area = clip(p.rect, fb.width, fb.height);
    const send = p.incremental ? (this.dirty ? intersect(this.dirty, area) : undefined) : area;
    if (!send || send.w === 0 || send.h === 0) return;
    out.push(framebufferUpdate(fb, [send], this.format));
    this.pending = undefined;
    this.dirty = undefined;
  }

  private fail(out: Buffer[], why: string): number {
    out.push(u32(0), reason(why));
    this.phase = 'closed';
    return 0;
  }
}

function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v, 0);
  return b;
}

/** A length-prefixed string (reasons, the desktop name). */
function reason(text: string): Buffer {
  const s = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(s.length), s]);
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

function intersect(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.min(a.x + a.w, b.x + b.w) - x;
  const h = Math.min(a.y + a.h, b.y + b.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : undefined;
}
