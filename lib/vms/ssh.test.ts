import { describe, expect, it } from 'vitest';

import { keyLine } from '../testing/ssh-keys';
import { sshKeyLines, sshKeyProblem } from './ssh';

describe('sshKeyProblem', () => {
  it('accepts real key lines, with or without a comment', () => {
    expect(sshKeyProblem(keyLine('ssh-ed25519'))).toBeUndefined();
    expect(sshKeyProblem(keyLine('ecdsa-sha2-nistp256', undefined, ''))).toBeUndefined();
  });

  it.each([
    ['unknown type', 'ssh-dss AAAAB3NzaC1kc3MAAACBAP', 'type'],
    ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----', 'type'],
    ['broken base64', 'ssh-ed25519 AAAA$$$$ x', 'body'],
    ['a truncated body', 'ssh-ed25519 AAAAC3Nz', 'body'],
  ])('refuses %s', (_, line, problem) => {
    expect(sshKeyProblem(line)).toBe(problem);
  });

  it('refuses a body that encodes another type than the line says', () => {
    expect(sshKeyProblem(keyLine('ssh-rsa', 'ssh-ed25519'))).toBe('mismatch');
  });

  it('reads one key per line and skips blanks and comments', () => {
    expect(
      sshKeyLines(`# mine\n${keyLine('ssh-ed25519')}\n\n  ${keyLine('ssh-rsa')}  \n`),
    ).toHaveLength(2);
  });
});
