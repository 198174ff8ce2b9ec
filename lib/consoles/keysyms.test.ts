import { describe, expect, it } from 'vitest';

import { keysymsOf } from './keysyms';

describe('keysymsOf', () => {
  it('types ASCII as itself, line ends as one Return, tabs as Tab', () => {
    expect(keysymsOf('ab 1')).toEqual([0x61, 0x62, 0x20, 0x31]);
    expect(keysymsOf('a\r\nb\nc\r')).toEqual([0x61, 0xff0d, 0x62, 0xff0d, 0x63, 0xff0d]);
    expect(keysymsOf('\t')).toEqual([0xff09]);
  });

  it('types Latin-1 as itself and the rest as Unicode keysyms; drops control characters', () => {
    expect(keysymsOf('é')).toEqual([0xe9]);
    expect(keysymsOf('ж€')).toEqual([0x01000436, 0x010020ac]);
    expect(keysymsOf('\u0007x')).toEqual([0x78]);
  });
});
