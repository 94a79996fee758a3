export const DEVICE_KEY_STORAGE_KEY = 'thuchoc.device-key';

/** What the server accepts as a device key. */
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

const DEVICE_KEY_BYTES = 32;

/**
 * This browser's device key: made once from 32 random bytes (base64url) and
 * kept in localStorage, so every sign-in from this browser names the same
 * device. A stored value the server would refuse is replaced.
 */
export function deviceKey(storage: Storage = localStorage): string {
  const stored = storage.getItem(DEVICE_KEY_STORAGE_KEY);
  if (stored !== null && DEVICE_KEY_PATTERN.test(stored)) return stored;
  const key = toBase64Url(crypto.getRandomValues(new Uint8Array(DEVICE_KEY_BYTES)));
  try {
    storage.setItem(DEVICE_KEY_STORAGE_KEY, key);
  } catch {
    // Storage full or blocked: this sign-in still works, the next one names a new device.
  }
  return key;
}

/** RFC 4648 §5 base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
