import { foldVietnamese } from '@thuchoc/shared/util';

/** A word of an essay as it is compared, and where it stands in the original text. */
export interface WordToken {
  /** Lower case, without diacritics (đ → d): "Tư tưởng" and "tu tuong" are the same words. */
  word: string;
  /** UTF-16 offset of the word's first character in the original text. */
  start: number;
  /** UTF-16 offset just past the word's last character (exclusive). */
  end: number;
}

/**
 * A run of letters, with their combining marks (NFD input) and format characters:
 * a zero-width space or soft hyphen typed inside a word must not split it, or
 * a copy could hide behind invisible characters.
 */
const WORD = /[\p{L}\p{M}\p{Cf}]+/gu;
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** Prose repeats its words: each spelling is folded once per text. */
function foldOnce(raw: string, folded: Map<string, string>): string {
  let word = folded.get(raw);
  if (word === undefined) {
    word = foldVietnamese(raw).replace(FORMAT_CHARACTERS, '');
    folded.set(raw, word);
  }
  return word;
}

/**
 * The words of a text for similarity: each run of letters, folded to lower case
 * without diacritics, with its span in the original. Everything else separates
 * words: punctuation, white space and digits. Digits are dropped because a copy
 * often changes the figures ("52 triệu" → "55 triệu", list numbers, years) while
 * the prose stays; they would break every shingle around them.
 *
 * Folding strips every mark, so NFC and NFD spellings give the same words, and
 * so do the old and new tone placements ("hoà"/"hòa"). Unicode has no
 * Vietnamese-specific case mapping, so plain lower-casing is the Vietnamese one.
 */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  const folded = new Map<string, string>();
  for (const match of text.matchAll(WORD)) {
    const word = foldOnce(match[0], folded);
    if (word === '') continue;
    tokens.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
