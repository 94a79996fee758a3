import { murmur3, murmur3Bytes } from './murmur3';

describe(murmur3.name, () => {
  // Published MurmurHash3_x86_32 vectors (SMHasher's and other ports' test suites).
  it.each([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['\0\0\0\0', 0, 0x2362f9de],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['aa', 0x9747b28c, 0x5d211726],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['test', 0, 0xba6bd213],
    ['Hello, world!', 0, 0xc0363e43],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
  ])('hashes %j with seed %d to its published value', (text, seed, expected) => {
    expect(murmur3(text, seed)).toBe(expected);
  });

  it('hashes the UTF-8 bytes of the text, also after a longer text grew its buffer', () => {
    const text = 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';
    const expected = murmur3Bytes(new TextEncoder().encode(text), 7);
    murmur3('x'.repeat(5000), 7);
    expect(murmur3(text, 7)).toBe(expected);
  });

  it('returns unsigned 32-bit integers', () => {
    const hashes = Array.from({ length: 1000 }, (_, i) => murmur3(`shingle ${i}`));
    expect(hashes.every((hash) => Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32)).toBe(true);
    expect(new Set(hashes).size).toBe(1000);
  });

  it('spreads similar inputs over the whole range', () => {
    // 10,000 near-identical keys in 16 equal buckets: each within 15 % of the mean 625.
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[murmur3(`tu tuong ho chi minh ${i}`) >>> 28]++;
    expect(Math.min(...buckets)).toBeGreaterThan(530);
    expect(Math.max(...buckets)).toBeLessThan(720);
  });
});
