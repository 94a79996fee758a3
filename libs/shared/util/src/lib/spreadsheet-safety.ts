/**
 * Neutralises a text cell for a spreadsheet export: a value starting with
 * `=`, `+`, `-`, `@` (or a tab or carriage return before one) would run as a
 * formula in Excel or LibreOffice, so it gets a leading apostrophe and stays text.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Undoes `neutraliseCell` on a cell read back from a file this system wrote,
 * so an exported value starting with `=`, `+`, `-` or `@` re-imports unchanged.
 */
export function restoreNeutralisedCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** A CSV field: neutralised, then quoted when it holds a delimiter, a quote or a line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseCell(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with a UTF-8 BOM, so Excel opens Vietnamese text correctly. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
