import { describe, expect, it } from 'vitest';

import { LoginPrompt } from './login.ts';

describe('login prompt', () => {
  it('echoes the user name, hides the password and refuses the login', () => {
    const l = new LoginPrompt('web-1');
    expect(l.prompt()).toBe('web-1 login: ');
    expect(l.input('rooot')).toBe('rooot');
    expect(l.input('\x7f')).toBe('\b \b');
    expect(l.input('\r')).toBe('\r\nPassword: ');
    expect(l.input('secret')).toBe('');
    expect(l.input('\r')).toBe('\r\n\r\nLogin incorrect\r\nweb-1 login: ');
  });
  it('asks again on an empty line and on Ctrl-C', () => {
    const l = new LoginPrompt('h');
    expect(l.input('\r')).toBe('\r\nh login: ');
    expect(l.input('x\x03')).toBe('x^C\r\n\r\nh login: ');
  });
});
