import {
  DEFAULT_QUESTION_POINTS,
  GIFT_DEFAULT_TOPIC,
  QuestionDifficulty,
  QuestionOption,
  QuestionType,
  TRUE_FALSE_OPTIONS,
} from '@thuchoc/assessments/contracts';
import { htmlToText } from './html-text';
import { ImportedQuestion } from './imported-question';

/**
 * Moodle's GIFT format, the subset a question bank holds:
 *
 * - questions are separated by blank lines; `//` lines are comments;
 * - `::title::` names a question; `[html]`, `[plain]`, `[moodle]`, `[markdown]`
 *   say how its text is written (HTML is turned into plain text);
 * - `{=right ~wrong}` is single choice; `{~%50%a ~%50%b ~%-100%c}` (no `=`) is
 *   multiple choice, the options of positive weight being the correct ones;
 * - `{T}`, `{F}`, `{TRUE}`, `{FALSE}` is true/false; `{=a =b}` short answer; `{}` essay;
 * - text after the answer block makes a fill-in question: the block becomes `_____`;
 * - `$CATEGORY: $course$/top/…/Topic` puts the following questions in the
 *   topic named by the path's last part (before any, the topic is GIFT_DEFAULT_TOPIC);
 * - `\~ \= \# \{ \} \: \\` are literal characters, `\n` a line break;
 * - `#feedback` of an answer is dropped; the general feedback `####…` becomes the explanation.
 *
 * Not supported, and reported against the question: numerical (`{#…}`) and
 * matching (`->`) questions, and partial credit outside multiple choice
 * (`=%50%` in single choice or short answer). GIFT has no difficulty or
 * points: imported questions are of medium difficulty and worth 1 point.
 */
export function parseGift(text: string): ImportedQuestion[] {
  const questions: ImportedQuestion[] = [];
  let topic = GIFT_DEFAULT_TOPIC;
  for (const block of blocks(text)) {
    let lines = block;
    const category = /^\s*\$CATEGORY:(.*)$/i.exec(lines[0].text);
    if (category) {
      topic = categoryTopic(category[1]);
      lines = lines.slice(1);
      if (lines.length === 0) continue;
    }
    const number = questions.length + 1;
    questions.push(
      parseQuestion(lines.map((line) => line.text).join('\n'), topic, `questions.${number}`, lines[0].number),
    );
  }
  return questions;
}

interface Line {
  text: string;
  number: number;
}

/** Runs of non-blank lines, comment lines left out (they neither hold text nor end a question). */
function blocks(text: string): Line[][] {
  const found: Line[][] = [];
  let current: Line[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      if (line.trim() === '') {
        if (current.length > 0) found.push(current);
        current = [];
      } else if (!line.trimStart().startsWith('//')) {
        current.push({ text: line, number: index + 1 });
      }
    });
  if (current.length > 0) found.push(current);
  return found;
}

/** `$course$/top/Default for KH01/Lịch sử Đảng` → `Lịch sử Đảng` (`//` is an escaped slash). */
function categoryTopic(path: string): string {
  const parts = path
    .trim()
    .replace(/^\$[a-z0-9]+\$/i, '')
    .split(/(?<!\/)\/(?!\/)/)
    .map((part) => part.replace(/\/\//g, '/').trim())
    .filter((part) => part !== '');
  const last = parts[parts.length - 1];
  return last === undefined || (parts.length === 1 && last === 'top') ? GIFT_DEFAULT_TOPIC : last;
}

/** Escaped characters hidden in the private use area while the structure is read, then given back. */
const HIDDEN: Record<string, string> = {
  '\\': '\uE000',
  '~': '\uE001',
  '=': '\uE002',
  '#': '\uE003',
  '{': '\uE004',
  '}': '\uE005',
  ':': '\uE006',
};
const SHOWN = Object.fromEntries(Object.entries(HIDDEN).map(([char, hidden]) => [hidden, char]));
const hide = (text: string) =>
  text.replace(/\\([\\~=#{}:n])/g, (_match, char: string) => (char === 'n' ? '\n' : HIDDEN[char]));
const reveal = (text: string) => text.replace(/[\uE000-\uE006]/g, (hidden) => SHOWN[hidden]);

function parseQuestion(raw: string, topic: string, at: string, line: number): ImportedQuestion {
  const refuse = (message: string): ImportedQuestion => ({
    at,
    content: null,
    errors: [{ field: at, messages: [`Dòng ${line}: ${message}`] }],
  });
  let text = hide(raw);
  const titled = /^\s*::([\s\S]*?)::/.exec(text);
  if (titled) text = text.slice(titled[0].length);
  const format = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(text);
  if (format) text = text.slice(format[0].length);
  const plain = (part: string) =>
    format?.[1].toLowerCase() === 'html' ? htmlToText(reveal(part)) : reveal(part);

  const open = text.indexOf('{');
  const close = text.indexOf('}');
  if (open < 0) return refuse('thiếu phần đáp án {…}.');
  if (close < open) return refuse('thiếu dấu } đóng phần đáp án, hoặc dấu } đứng trước {.');
  if (text.indexOf('{', open + 1) >= 0 || text.indexOf('}', close + 1) >= 0)
    return refuse('một câu hỏi chỉ có một phần đáp án {…}; viết \\{ \\} cho dấu ngoặc trong lời văn.');
  const answer = parseAnswerBlock(text.slice(open + 1, close));
  if ('error' in answer) return refuse(answer.error);
  const before = text.slice(0, open);
  const after = text.slice(close + 1);
  return {
    at,
    content: {
      type: answer.type,
      topic,
      difficulty: QuestionDifficulty.Medium,
      title: titled ? plain(titled[1]) : null,
      stem: plain(after.trim() === '' ? before : `${before}_____${after}`),
      options: answer.options.map((option) => ({ text: plain(option.text), isCorrect: option.isCorrect })),
      acceptedAnswers: answer.acceptedAnswers.map(plain),
      acceptWithoutDiacritics: false,
      points: DEFAULT_QUESTION_POINTS,
      explanation: answer.explanation === null ? null : plain(answer.explanation),
    },
    errors: [],
  };
}

interface AnswerBlock {
  type: QuestionType;
  options: QuestionOption[];
  acceptedAnswers: string[];
  explanation: string | null;
}

interface GiftAnswer {
  marker: '=' | '~';
  /** `%weight%` as written, when it is. */
  weight: number | null;
  text: string;
}

function parseAnswerBlock(inner: string): AnswerBlock | { error: string } {
  const general = inner.indexOf('####');
  const explanation = general >= 0 ? inner.slice(general + 4).trim() || null : null;
  const body = (general >= 0 ? inner.slice(0, general) : inner).trim();
  const block = (type: QuestionType, options: QuestionOption[], acceptedAnswers: string[] = []) => ({
    type,
    options,
    acceptedAnswers,
    explanation,
  });

  if (body === '') return block(QuestionType.Essay, []);
  const trueFalse = /^(T|TRUE|F|FALSE)\s*(#[\s\S]*)?$/i.exec(body);
  if (trueFalse) {
    const isTrue = trueFalse[1].toUpperCase().startsWith('T');
    return block(QuestionType.TrueFalse, [
      { text: TRUE_FALSE_OPTIONS[0], isCorrect: isTrue },
      { text: TRUE_FALSE_OPTIONS[1], isCorrect: !isTrue },
    ]);
  }
  if (body.startsWith('#')) return { error: 'câu dạng số ({#…}) chưa được hỗ trợ.' };
  const first = body.search(/[=~]/);
  if (first !== 0) return { error: 'phần đáp án phải bắt đầu bằng = hoặc ~ (hoặc là T, F, hay để trống).' };
  const answers = [...body.matchAll(/([=~])([^=~]*)/g)].map(([, marker, rest]) =>
    parseAnswer(marker as GiftAnswer['marker'], rest),
  );
  if (answers.some((answer) => answer.text.includes('->')))
    return { error: 'câu ghép đôi (->) chưa được hỗ trợ.' };

  if (!answers.some((answer) => answer.marker === '~')) {
    if (answers.some((answer) => answer.weight !== null && answer.weight !== 100))
      return { error: 'câu trả lời ngắn không dùng điểm từng phần (%…%).' };
    return block(
      QuestionType.ShortAnswer,
      [],
      answers.map((answer) => answer.text),
    );
  }
  const options = (isCorrect: (answer: GiftAnswer) => boolean) =>
    answers.map((answer) => ({ text: answer.text, isCorrect: isCorrect(answer) }));
  // Moodle's rule: an `=` answer makes it single choice; without one, any number may be chosen.
  if (!answers.some((answer) => answer.marker === '='))
    return block(
      QuestionType.MultipleChoice,
      options((answer) => (answer.weight ?? 0) > 0),
    );
  const weightOf = (answer: GiftAnswer) => answer.weight ?? (answer.marker === '=' ? 100 : 0);
  if (answers.some((answer) => weightOf(answer) > 0 && weightOf(answer) < 100))
    return { error: 'điểm từng phần (%…%) chỉ dùng cho câu nhiều lựa chọn (không có đáp án =).' };
  return block(
    QuestionType.SingleChoice,
    options((answer) => weightOf(answer) === 100),
  );
}

/** `=%50%text#feedback`: the weight, and the text without its feedback. */
function parseAnswer(marker: GiftAnswer['marker'], rest: string): GiftAnswer {
  const weighted = /^\s*%(-?\d+(?:[.,]\d+)?)%/.exec(rest);
  const text = weighted ? rest.slice(weighted[0].length) : rest;
  const feedback = text.indexOf('#');
  return {
    marker,
    weight: weighted ? Number(weighted[1].replace(',', '.')) : null,
    text: (feedback >= 0 ? text.slice(0, feedback) : text).trim(),
  };
}
