import { describe, expect, it } from 'vitest';

import { tenantCandidates } from './membership';

const pattern = '^tenant-([a-z0-9-]+)-(admins|viewers)$';

describe('tenantCandidates', () => {
  it('extracts tenant names from groups', () => {
    expect(
      tenantCandidates(['tenant-acme-admins', 'tenant-globex-viewers', 'ops'], pattern),
    ).toEqual(['acme', 'globex']);
  });
  it('dedupes and ignores lookalikes', () => {
    expect(
      tenantCandidates(
        ['tenant-acme-admins', 'tenant-acme-viewers', 'xtenant-a-admins', 'tenant--owners'],
        pattern,
      ),
    ).toEqual(['acme']);
  });
});
