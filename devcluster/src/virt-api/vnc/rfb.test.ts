import { describe, expect, it } from 'vitest';

import { findText } from './framebuffer.ts';
import {
  decodePixelFormat,
  encodePixelFormat,
  RfbServer,
  serverFormat,
  type PixelFormat,
} from './rfb.ts';
import { colors, titleOf, VncScreen } from './screen.ts';

const guest = { namespace: 'tenant-a', name: 'web-1' };

/** Runs the handshake as noVNC does (3.8, security None, shared) and returns the ServerInit. */
function connect(): { rfb: RfbServer; init: Buffer } {
  const rfb = new RfbServer(new VncScreen(guest));
  expect(rfb.greeting().toString('latin1')).toBe('RFB 003.008\n');
  expect(rfb.receive(Buffer.from('RFB 003.008\n'))).toEqual([Buffer.from([1, 1])]);
  expect(rfb.receive(Buffer.from([1]))).toEqual([Buffer.from([0, 0, 0, 0])]);
  const [init] = rfb.receive(Buffer.from([1]));
  if (!init) throw new Error('no ServerInit');
  return { rfb, init };
}

const updateRequest = (incremental: boolean, x = 0, y = 0, w = 720, h = 400) => {
  const b = Buffer.alloc(10);
  b.writeUInt8(3, 0);
  b.writeUInt8(incremental ? 1 : 0, 1);
  b.writeUInt16BE(x, 2);
  b.writeUInt16BE(y, 4);
  b.writeUInt16BE(w, 6);
  b.writeUInt16BE(h, 8);
  return b;
};
const keyEvent = (down: boolean, keysym: number) => {
  const b = Buffer.alloc(8);
  b.writeUInt8(4, 0);
  b.writeUInt8(down ? 1 : 0, 1);
  b.writeUInt32BE(keysym, 4);
  return b;
};
const setPixelFormat = (f: PixelFormat) =>
  Buffer.concat([Buffer.from([0, 0, 0, 0]), encodePixelFormat(f)]);

/** Decodes one raw rectangle of a FramebufferUpdate into 0xRRGGBB pixels. */
function rect(update: Buffer, f: PixelFormat) {
  expect(update.readUInt8(0)).toBe(0);
  expect(update.readUInt16BE(2)).toBe(1);
  const [x, y, w, h] = [4, 6, 8, 10].map((o) => update.readUInt16BE(o)) as [
    number,
    number,
    number,
    number,
  ];
  expect(update.readInt32BE(12)).toBe(0);
  const pixels: number[] = [];
  for (let i = 0; i < w * h; i++) {
    const v = update.readUInt32LE(16 + i * 4);
    pixels.push(
      (((v >> f.redShift) & 255) << 16) |
        (((v >> f.greenShift) & 255) << 8) |
        ((v >> f.blueShift) & 255),
    );
  }
  return { x, y, w, h, pixels };
}

describe('RFB server', () => {
  it('answers ServerInit with the size, QEMU pixel format and the domain name', () => {
    const { init } = connect();
    expect(init.readUInt16BE(0)).toBe(720);
    expect(init.readUInt16BE(2)).toBe(400);
    expect(decodePixelFormat(init, 4)).toEqual(serverFormat);
    expect(init.subarray(24).toString()).toBe('tenant-a_web-1');
  });

  it('sends the whole screen in the format noVNC asks for, with the VM name on it', () => {
    const { rfb } = connect();
    const noVnc = { ...serverFormat, redShift: 0, blueShift: 16 };
    expect(rfb.receive(setPixelFormat(noVnc))).toEqual([]);
    const [update] = rfb.receive(updateRequest(false));
    if (!update) throw new Error('no update');
    expect(update.length).toBe(16 + 720 * 400 * 4);
    const r = rect(update, noVnc);
    expect(findText(r.pixels, r.w, r.h, titleOf(guest), colors.titleText, 2)).toBeDefined();
    expect(findText(r.pixels, r.w, r.h, 'web-1 login:', colors.text)).toBeDefined();
    // Read back with the server's own shifts, red and blue would swap: the format was honoured.
    expect(
      findText(rect(update, serverFormat).pixels, 720, 400, titleOf(guest), colors.titleText, 2),
    ).toBeDefined();
    expect(findText(r.pixels, r.w, r.h, 'other-vm', colors.titleText, 2)).toBeUndefined();
  });

  it('holds an incremental request until a key changes the screen, then sends what changed', () => {
    const { rfb } = connect();
    rfb.receive(updateRequest(false));
    expect(rfb.receive(updateRequest(true))).toEqual([]);
    const [update] = rfb.receive(Buffer.concat([keyEvent(true, 0x61), keyEvent(false, 0x61)]));
    if (!update) throw new Error('no update after a key');
    const r = rect(update, serverFormat);
    expect(r.w * r.h).toBeGreaterThan(0);
    expect(r.w).toBeLessThan(720);
    expect(r.pixels.some((p) => p === colors.text)).toBe(true);
  });

  it('parses messages split across chunks and skips SetEncodings and pointer events', () => {
    const { rfb } = connect();
    const enc = Buffer.from([2, 0, 0, 2, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21]);
    const pointer = Buffer.from([5, 0, 0, 1, 0, 1]);
    const all = Buffer.concat([enc, pointer, updateRequest(false, 0, 0, 10, 10)]);
    expect(rfb.receive(all.subarray(0, 7))).toEqual([]);
    const [update] = rfb.receive(all.subarray(7));
    expect(update?.length).toBe(16 + 10 * 10 * 4);
  });

  it('speaks 3.3 to old clients and hangs up on unknown messages', () => {
    const rfb = new RfbServer(new VncScreen(guest));
    expect(rfb.receive(Buffer.from('RFB 003.003\n'))).toEqual([Buffer.from([0, 0, 0, 1])]);
    expect(rfb.receive(Buffer.from([1]))).toHaveLength(1);
    rfb.receive(Buffer.from([99]));
    expect(rfb.closed).toBe(true);
  });
});
