// Test SSH public keys: authorized_keys lines built the way ssh-keygen writes them.

const field = (b: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
};

/** A key line of `type` whose body names `inner` (the same type, unless testing a mismatch). */
export const keyLine = (type: string, inner = type, comment = 'alice@laptop') =>
  `${type} ${Buffer.concat([field(Buffer.from(inner)), field(Buffer.alloc(32, 7))]).toString('base64')} ${comment}`;
