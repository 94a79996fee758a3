/**
 * Folds Vietnamese text for matching: lower case, diacritics removed (đ → d),
 * runs of white space collapsed. "Nguyễn  Văn Đức" → "nguyen van duc".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A `LIKE` pattern matching folded text that contains the folded query (wildcards in it taken literally). */
export function containsPattern(query: string): string {
  return `%${foldVietnamese(query).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
