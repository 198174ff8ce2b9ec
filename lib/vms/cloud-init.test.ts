import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

import { cloudInitProblem, USER_DATA_MAX_BYTES, userData } from './cloud-init';

describe('cloud-init user data', () => {
  it('accepts empty text and a #cloud-config mapping', () => {
    expect(cloudInitProblem('')).toBeUndefined();
    expect(cloudInitProblem('#cloud-config\npackages: [nginx]\n')).toBeUndefined();
  });

  it.each([
    ['packages: [nginx]', 'header'],
    ['#cloud-config\npackages: [nginx\n', 'yaml'],
    ['#cloud-config\n- a\n- b\n', 'notMap'],
    [`#cloud-config\nx: "${'a'.repeat(USER_DATA_MAX_BYTES)}"\n`, 'tooLarge'],
  ])('refuses %j', (text, problem) => {
    expect(cloudInitProblem(text)).toBe(problem);
  });

  it('merges the SSH keys into the person’s own keys, once each', () => {
    const out = userData('#cloud-config\nssh_authorized_keys: [k1]\npackages: [nginx]\n', [
      'k1',
      'k2',
    ]);
    expect(out?.startsWith('#cloud-config\n')).toBe(true);
    expect(parse(out ?? '')).toEqual({ ssh_authorized_keys: ['k1', 'k2'], packages: ['nginx'] });
  });

  it('says nothing when there is nothing to say', () => {
    expect(userData('', [])).toBeUndefined();
    expect(parse(userData('', ['k']) ?? '')).toEqual({ ssh_authorized_keys: ['k'] });
  });
});
