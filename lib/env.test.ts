import { describe, expect, it, vi } from 'vitest';

const base = {
  STRATUS_OIDC_ISSUER: 'https://id.example',
  STRATUS_OIDC_CLIENT_ID: 'stratus',
  STRATUS_OIDC_CLIENT_SECRET: 's',
};

async function envWith(extra: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv('STRATUS_OIDC_USER_PREFIX', extra.STRATUS_OIDC_USER_PREFIX ?? 'oidc:');
  vi.stubEnv('STRATUS_OIDC_GROUP_PREFIX', extra.STRATUS_OIDC_GROUP_PREFIX ?? 'oidc:');
  for (const [k, v] of Object.entries(base)) vi.stubEnv(k, v);
  const { serverEnv } = await import('./env');
  return serverEnv;
}

describe('server settings', () => {
  it('refuse an empty or system: identity prefix at start-up', async () => {
    await expect(envWith({ STRATUS_OIDC_USER_PREFIX: '' }).then((f) => f())).rejects.toThrow(
      /must not be empty/,
    );
    await expect(
      envWith({ STRATUS_OIDC_GROUP_PREFIX: 'system:' }).then((f) => f()),
    ).rejects.toThrow(/system:/);
    expect((await envWith({}))().STRATUS_OIDC_USER_PREFIX).toBe('oidc:');
  });
});
