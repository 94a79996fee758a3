import { QuestionContent } from '@thuchoc/assessments/contracts';

/** How long a stem may be where a question is named in a sentence (a confirmation). */
const NAME_LENGTH = 80;

/** A question's name for a sentence: its title, else the start of its stem. */
export function questionName(question: Pick<QuestionContent, 'title' | 'stem'>): string {
  if (question.title) return question.title;
  const stem = question.stem.replace(/\s+/gu, ' ').trim();
  return stem.length <= NAME_LENGTH ? stem : `${stem.slice(0, NAME_LENGTH - 1).trimEnd()}…`;
}

/** Lower case without Vietnamese diacritics (đ as d), to match what is typed either way. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'd').toLocaleLowerCase('vi').trim();
}
