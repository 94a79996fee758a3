/** Combining marks of the Latin-1 named entities (`&agrave;` = a + grave). */
const ENTITY_MARKS: Record<string, string> = {
  grave: '\u0300',
  acute: '\u0301',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030a',
  cedil: '\u0327',
};
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntity(entity: string, name: string): string {
  if (/^#x[0-9a-f]+$/i.test(name)) return safeCodePoint(parseInt(name.slice(2), 16), entity);
  if (/^#\d+$/.test(name)) return safeCodePoint(parseInt(name.slice(1), 10), entity);
  const accented = /^([a-z])(grave|acute|circ|tilde|uml|ring|cedil)$/i.exec(name);
  if (accented) return `${accented[1]}${ENTITY_MARKS[accented[2]]}`.normalize('NFC');
  return NAMED_ENTITIES[name] ?? entity;
}

const safeCodePoint = (code: number, entity: string) =>
  code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;

/**
 * The text of the HTML a Moodle question is written in (`[html]` in GIFT):
 * paragraphs and `<br>` become line breaks, other tags go, entities are decoded.
 * Only text is kept, never markup: the bank stores plain text.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity)
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
