import { AttemptStatus, QuestionType } from '@thuchoc/assessments/contracts';
import {
  draftsFromAnswers,
  isAnswered,
  saveRequest,
  toggleChoice,
  unansweredNumbers,
  wordCount,
} from './answer-draft';
import { AttemptSeq } from './attempt-seq';
import { quizAvailability } from './quiz-availability';
import { formatPoints, formatScore } from './score';
import { clockOffset, formatCountdown, secondsLeft } from './server-clock';
import { makeAttemptQuestion, makeResult } from '../testing/make-attempt';

const QUIZ = { opensAt: '2026-03-02T01:00:00.000Z', closesAt: '2026-03-02T03:00:00.000Z', maxAttempts: 2 };
const DURING = Date.parse('2026-03-02T02:00:00.000Z');

describe('quizAvailability', () => {
  it('offers a start inside the window with attempts left', () => {
    expect(quizAvailability(QUIZ, [], DURING)).toEqual({
      action: 'start',
      attemptsUsed: 0,
      attemptsAllowed: 2,
      bestScore: null,
      lastScore: null,
      isAwaitingResult: false,
    });
  });

  it('offers to resume an active attempt before its deadline, even once the quiz has closed', () => {
    const active = makeResult({ status: AttemptStatus.Active, deadline: '2026-03-02T03:00:30.000Z' });
    expect(quizAvailability(QUIZ, [active], DURING).action).toBe('resume');
    expect(quizAvailability(QUIZ, [active], Date.parse('2026-03-02T03:00:10.000Z')).action).toBe('resume');
  });

  it('says why a new attempt cannot start: not open yet, closed, no attempts left', () => {
    const two = [makeResult({ number: 1 }), makeResult({ id: 'a2', number: 2 })];
    expect(quizAvailability(QUIZ, [], Date.parse('2026-03-02T00:59:59.000Z')).action).toBe('not-open');
    expect(quizAvailability(QUIZ, [], Date.parse(QUIZ.closesAt)).action).toBe('closed');
    expect(quizAvailability(QUIZ, two, DURING).action).toBe('exhausted');
  });

  it('gives the best and the latest graded score, and notes a result still awaited', () => {
    const attempts = [
      makeResult({ score: 8.5 }),
      makeResult({ id: 'a2', number: 2, score: 6 }),
      makeResult({ id: 'a3', number: 3, status: AttemptStatus.Submitted, score: null, isPassed: null }),
    ];
    const availability = quizAvailability({ ...QUIZ, maxAttempts: 3 }, attempts, DURING);
    expect([availability.bestScore, availability.lastScore, availability.isAwaitingResult]).toEqual([
      8.5,
      6,
      true,
    ]);
  });

  it('leaves a score under similarity review out of the best and the latest until it is final', () => {
    const attempts = [
      makeResult({ score: 6 }),
      makeResult({ id: 'a2', number: 2, score: 9, isUnderReview: true }),
    ];
    const availability = quizAvailability({ ...QUIZ, maxAttempts: 3 }, attempts, DURING);
    expect([availability.bestScore, availability.lastScore]).toEqual([6, 6]);
  });
});

describe('answer drafts', () => {
  it('replaces the choice of a single-choice question and toggles those of a multiple-choice one', () => {
    expect(toggleChoice(QuestionType.SingleChoice, [1], 2)).toEqual([2]);
    expect(toggleChoice(QuestionType.TrueFalse, [], 0)).toEqual([0]);
    expect(toggleChoice(QuestionType.MultipleChoice, [2], 0)).toEqual([0, 2]);
    expect(toggleChoice(QuestionType.MultipleChoice, [0, 2], 2)).toEqual([0]);
  });

  it('sends text for short answers and essays, choices for the others', () => {
    const draft = { choices: [1], text: 'Hồ Chí Minh' };
    expect(saveRequest(QuestionType.ShortAnswer, draft, 4)).toEqual({ seq: 4, text: 'Hồ Chí Minh' });
    expect(saveRequest(QuestionType.MultipleChoice, draft, 5)).toEqual({ seq: 5, choices: [1] });
  });

  it('names the unanswered questions by their number; blank text is not an answer', () => {
    const questions = ['q1', 'q2', 'q3'].map((questionId) => makeAttemptQuestion({ questionId }));
    const drafts = { q1: { choices: [0], text: '' }, q3: { choices: [], text: '   ' } };
    expect(unansweredNumbers(questions, drafts)).toEqual([2, 3]);
    expect(isAnswered({ choices: [], text: 'x' })).toBe(true);
  });

  it('opens with the answers the server stored', () => {
    const drafts = draftsFromAnswers([
      { questionId: 'q1', seq: 3, choices: [1], text: null, savedAt: '2026-03-02T02:00:00.000Z' },
      { questionId: 'q2', seq: 4, choices: [], text: 'Đúng', savedAt: '2026-03-02T02:00:00.000Z' },
    ]);
    expect(drafts).toEqual({ q1: { choices: [1], text: '' }, q2: { choices: [], text: 'Đúng' } });
  });

  it('counts the words of an essay however it is spaced', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('  Liên hệ   thực tiễn\nở cơ sở ')).toBe(7);
  });
});

describe(AttemptSeq.name, () => {
  beforeEach(() => localStorage.clear());

  it('starts above every seq the server holds for the attempt', () => {
    const stored = [3, 9, 4].map((seq) => ({
      questionId: `q${seq}`,
      seq,
      choices: [],
      text: null,
      savedAt: '',
    }));
    expect(new AttemptSeq('a1', stored).next()).toBe(10);
  });

  it('never goes backwards after a reload, even before the server stored the last write', () => {
    const first = new AttemptSeq('a1', []);
    first.next();
    first.next();
    expect(new AttemptSeq('a1', []).next()).toBe(3);
    expect(new AttemptSeq('a2', []).next()).toBe(1);
  });
});

describe('server clock', () => {
  it('counts down to the deadline on the server clock, whatever the browser clock says', () => {
    // The browser is 90 s behind the server.
    const offset = clockOffset('2026-03-02T02:00:00.000Z', Date.parse('2026-03-02T01:58:30.000Z'));
    expect(offset).toBe(90_000);
    expect(secondsLeft('2026-03-02T02:01:00.000Z', Date.parse('2026-03-02T01:58:30.000Z'), offset)).toBe(60);
    expect(secondsLeft('2026-03-02T02:01:00.000Z', Date.parse('2026-03-02T02:00:00.000Z'), offset)).toBe(0);
  });

  it('shows minutes and seconds, and hours for long quizzes', () => {
    expect([formatCountdown(0), formatCountdown(65), formatCountdown(3723)]).toEqual([
      '0:00',
      '1:05',
      '1:02:03',
    ]);
  });
});

describe('scores', () => {
  it('writes the 10-point scale with a decimal comma in Vietnamese', () => {
    expect(formatScore(7.5, 'vi')).toBe('7,50');
    expect(formatScore(7.5, 'en')).toBe('7.50');
    expect(formatPoints(2.5, 'vi')).toBe('2,5');
    expect(formatPoints(3, 'vi')).toBe('3');
  });
});
