// SSH public keys as authorized_keys lines: a known type, a base64 body that really encodes a key
// of that type, an optional comment. Pure; the form and the server check the same way.

export const SSH_KEY_TYPES = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const;

export type SshKeyProblem = 'type' | 'body' | 'mismatch';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The key type named inside the body (a length-prefixed string), as sshd reads it. */
function innerType(body: string): string | undefined {
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length < 4) return undefined;
  const len = bytes.readUInt32BE(0);
  if (len < 1 || len > 64 || 4 + len > bytes.length) return undefined;
  return bytes.subarray(4, 4 + len).toString('latin1');
}

/** Why a line is not a public key, or undefined when it is one. */
export function sshKeyProblem(line: string): SshKeyProblem | undefined {
  const [type = '', body = ''] = line.trim().split(/\s+/);
  if (!(SSH_KEY_TYPES as readonly string[]).includes(type)) return 'type';
  if (!BASE64.test(body) || body.length % 4 !== 0 || body.length < 40) return 'body';
  return innerType(body) === type ? undefined : 'mismatch';
}

/** One key per line; blank lines and # comments are ignored. */
export function sshKeyLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
