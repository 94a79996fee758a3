import { foldVietnamese } from '@thuchoc/shared/util';

/** The five Vietnamese tone marks as combining characters (NFD). */
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
/** "hòa"/"hoà", "khỏe"/"khoẻ", "thủy"/"thuỷ": both placements are in use; the mark goes on the second vowel. */
const TONE_ON_FIRST_VOWEL = new RegExp(`(o)(${TONE})([ae])|(u)(${TONE})(y)`, 'gu');

/**
 * An answer as it is compared: Unicode NFC (a decomposed "Đảng" from a Mac
 * equals the precomposed one), lower case, white space collapsed and trimmed,
 * and the old and new tone placements ("hoà", "hòa") made one. Diacritics
 * stay: they tell words apart ("bác" ≠ "bạc").
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFD')
    .toLocaleLowerCase('vi')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(TONE_ON_FIRST_VOWEL, (_match, o, oTone, ae, u, uTone, y) =>
      o ? `${o}${ae}${oTone}` : `${u}${y}${uTone}`,
    )
    .normalize('NFC');
}

export interface ShortAnswerKey {
  acceptedAnswers: readonly string[];
  /** Also accept an answer typed entirely without diacritics ("dang" for "Đảng"). */
  acceptWithoutDiacritics: boolean;
}

/**
 * Whether a learner's short answer matches one of the accepted answers.
 * By default the match is exact after `normaliseAnswer`. With
 * `acceptWithoutDiacritics`, an accepted answer with every diacritic removed
 * and đ → d ("dang") is accepted too, but an answer with *wrong* diacritics
 * ("bạc" for "bác", "Đang" for "Đảng") still is not: the learner either
 * writes the word, or writes it the way a keyboard without Vietnamese input does.
 */
export function isShortAnswerAccepted(answer: string, key: ShortAnswerKey): boolean {
  const given = normaliseAnswer(answer);
  if (given === '') return false;
  return key.acceptedAnswers.some(
    (accepted) =>
      normaliseAnswer(accepted) === given ||
      (key.acceptWithoutDiacritics && foldVietnamese(accepted) === given),
  );
}
