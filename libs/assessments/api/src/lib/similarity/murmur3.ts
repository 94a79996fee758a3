const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotateLeft = (value: number, bits: number) => (value << bits) | (value >>> (32 - bits));

const scramble = (block: number) => Math.imul(rotateLeft(Math.imul(block, C1), 15), C2);

/**
 * MurmurHash3, x86 32-bit variant (Appleby's reference `MurmurHash3_x86_32`),
 * of bytes: an unsigned 32-bit integer. Well distributed and allocation-free;
 * a cryptographic hash per shingle would cost far more and buy nothing here.
 */
export function murmur3Bytes(bytes: Uint8Array, seed = 0): number {
  const blockEnd = bytes.length & ~3;
  let hash = seed >>> 0;
  for (let i = 0; i < blockEnd; i += 4) {
    const block = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    hash = rotateLeft(hash ^ scramble(block), 13);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  let tail = 0;
  for (let i = bytes.length - 1; i >= blockEnd; i--) tail = (tail << 8) | bytes[i];
  if (bytes.length > blockEnd) hash ^= scramble(tail);

  hash ^= bytes.length;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const encoder = new TextEncoder();
/** Reused between calls: hashing thousands of shingles should not allocate thousands of buffers. */
let utf8 = new Uint8Array(1024);

/** MurmurHash3 (x86, 32-bit) of a string's UTF-8 bytes, as other implementations compute it. */
export function murmur3(text: string, seed = 0): number {
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
  if (utf8.length < text.length * 3) utf8 = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, utf8);
  return murmur3Bytes(utf8.subarray(0, written), seed);
}
