import { describe, expect, it } from 'vitest';

import { newStreamId, streamHome } from './replicas';

const a = { url: 'http://10.0.0.5:3000', secret: 's3cret' };
const b = { url: 'http://10.0.0.6:3000', secret: 's3cret' };

describe('stream ids across replicas', () => {
  it('name the replica holding the stream, for the others only', () => {
    const id = newStreamId(a);
    expect(streamHome(id, b)).toBe('http://10.0.0.5:3000');
    expect(streamHome(id, a)).toBeUndefined();
  });
  it('refuse an id pointing elsewhere without the secret', () => {
    const id = newStreamId(a);
    const [uuid, , mac] = id.split('.');
    const evil = Buffer.from('http://attacker.example').toString('base64url');
    expect(streamHome(`${uuid}.${evil}.${mac}`, b)).toBeUndefined();
    expect(streamHome(id, { ...b, secret: 'other' })).toBeUndefined();
    expect(streamHome(`${id}.x`, b)).toBeUndefined();
  });
  it('stay plain with one replica', () => {
    const id = newStreamId({ secret: 's3cret' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(streamHome(id, b)).toBeUndefined();
  });
});
