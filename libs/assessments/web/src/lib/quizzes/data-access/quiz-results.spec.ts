import { AttemptStatus, SubmissionKind } from '@thuchoc/assessments/contracts';
import { makeResultRow } from '../testing/quiz-fixtures';
import { formatPercent, formatScore, isGradingPending, summarizeResults } from './quiz-results';

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
      averageScore: 6.92,
      passRate: 2 / 3,
    });
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
