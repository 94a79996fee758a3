import { GENESIS_HASH, HashedEntry, sealHash } from './ledger-hash';

const entry: HashedEntry = {
  id: '9a0c2f4e-4b1e-4c36-9d0e-1d1f3c8b7a11',
  chain: 'class:1',
  type: 'class.opened',
  subjectIds: { classId: '1' },
  actorId: null,
  reason: 'Đủ sĩ số',
  payload: { planned: 30, actual: 28 },
  recordedAt: '2026-11-25T12:00:00.123456Z',
};

describe(sealHash.name, () => {
  it('is a stable SHA-256 hex digest', () => {
    const hash = sealHash(entry, 1, GENESIS_HASH);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sealHash({ ...entry }, 1, GENESIS_HASH)).toBe(hash);
  });

  it('does not depend on the order of keys', () => {
    const reordered = { ...entry, payload: { actual: 28, planned: 30 } };
    expect(sealHash(reordered, 1, GENESIS_HASH)).toBe(sealHash(entry, 1, GENESIS_HASH));
  });

  it('changes with any field, the position or the previous hash', () => {
    const base = sealHash(entry, 1, GENESIS_HASH);
    expect(sealHash({ ...entry, reason: 'Du si so' }, 1, GENESIS_HASH)).not.toBe(base);
    expect(sealHash({ ...entry, payload: { planned: 30, actual: 29 } }, 1, GENESIS_HASH)).not.toBe(base);
    expect(sealHash({ ...entry, recordedAt: '2026-11-25T12:00:00.123457Z' }, 1, GENESIS_HASH)).not.toBe(base);
    expect(sealHash(entry, 2, GENESIS_HASH)).not.toBe(base);
    expect(sealHash(entry, 1, 'f'.repeat(64))).not.toBe(base);
  });
});
