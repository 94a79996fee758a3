/** One fact behind an integrity flag, ready to show. */
export interface FlagDetail {
  key: string;
  value: string;
}

/**
 * The facts behind a flag (device fingerprint, IP address, how many were
 * marked…) as key–value pairs; lists are joined, nested values written as JSON,
 * empty ones left out.
 */
export function flagDetails(details: Readonly<Record<string, unknown>>): FlagDetail[] {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => ({ key, value: detailText(value) }));
}

function detailText(value: unknown): string {
  if (Array.isArray(value)) return value.map(detailText).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
