import { AttemptStatus, SubmissionKind } from '@thuchoc/assessments/contracts';
import { makeResultRow } from '../testing/quiz-fixtures';
import { formatPercent, formatScore, isGradingPending, summarizeResults, verdictOf } from './quiz-results';

describe('quiz results', () => {
  it('counts attempts, learners, submissions and grades, and averages the graded scores', () => {
    const rows = [
      makeResultRow({ id: 'a1', userId: 'u1', score: 7.5, isPassed: true }),
      makeResultRow({ id: 'a2', userId: 'u1', number: 2, score: 4, isPassed: false }),
      makeResultRow({ id: 'a3', userId: 'u2', score: 9.25, isPassed: true }),
      makeResultRow({
        id: 'a4',
        userId: 'u3',
        status: AttemptStatus.AwaitingGrading,
        score: null,
        isPassed: null,
      }),
      makeResultRow({
        id: 'a5',
        userId: 'u4',
        status: AttemptStatus.Active,
        submittedAt: null,
        submission: null,
        score: null,
        isPassed: null,
      }),
    ];

    expect(summarizeResults(rows)).toEqual({
      attempts: 5,
      learners: 4,
      submitted: 4,
      graded: 3,
      awaitingGrading: 1,
      underReview: 0,
      averageScore: 6.92,
      passRate: 2 / 3,
    });
  });

  it('leaves attempts under similarity review out of the grades, passed or failed, and counts them', () => {
    const rows = [
      makeResultRow({ id: 'a1', userId: 'u1', score: 8, isPassed: true }),
      makeResultRow({ id: 'a2', userId: 'u2', score: 9, isPassed: true, isUnderReview: true }),
      makeResultRow({ id: 'a3', userId: 'u3', score: 3, isPassed: false, isUnderReview: true }),
      makeResultRow({
        id: 'a4',
        userId: 'u4',
        status: AttemptStatus.AwaitingGrading,
        score: null,
        isPassed: null,
        isUnderReview: true,
      }),
    ];

    expect(summarizeResults(rows)).toMatchObject({
      attempts: 4,
      submitted: 4,
      graded: 1,
      awaitingGrading: 1,
      underReview: 3,
      averageScore: 8,
      passRate: 1,
    });
    const held = summarizeResults([rows[1]]);
    expect(held.graded).toBe(0);
    expect(held.passRate).toBeNull();
  });

  it('reads an attempt under review as neither passed nor failed', () => {
    expect(verdictOf({ isPassed: true, isUnderReview: true })).toBe('under-review');
    expect(verdictOf({ isPassed: null, isUnderReview: true })).toBe('under-review');
    expect(verdictOf({ isPassed: true, isUnderReview: false })).toBe('passed');
    expect(verdictOf({ isPassed: false, isUnderReview: false })).toBe('failed');
    expect(verdictOf({ isPassed: null, isUnderReview: false })).toBeNull();
  });

  it('has no average or pass rate before anything is graded', () => {
    const summary = summarizeResults([
      makeResultRow({
        status: AttemptStatus.Submitted,
        submission: SubmissionKind.Auto,
        score: null,
        isPassed: null,
      }),
    ]);
    expect(summary.averageScore).toBeNull();
    expect(summary.passRate).toBeNull();
    expect(summarizeResults([]).attempts).toBe(0);
  });

  it('knows a grade is on its way while an attempt is only submitted', () => {
    expect(isGradingPending([makeResultRow({ status: AttemptStatus.Submitted })])).toBe(true);
    expect(isGradingPending([makeResultRow(), makeResultRow({ status: AttemptStatus.Active })])).toBe(false);
  });

  it('writes scores with a decimal comma and two decimals, and shares as percentages', () => {
    expect(formatScore(7.5)).toBe('7,50');
    expect(formatScore(10)).toBe('10,00');
    expect(formatScore(6.666)).toBe('6,67');
    expect(formatPercent(2 / 3)).toBe('67%');
  });
});
