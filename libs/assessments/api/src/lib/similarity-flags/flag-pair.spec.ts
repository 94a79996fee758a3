import { flagPair } from './flag-pair';

const X = {
  attemptId: '1b7a3c2e-0000-4000-8000-000000000001',
  questionId: 'f0000000-0000-4000-8000-000000000000',
};
const Y = {
  attemptId: 'a0000000-0000-4000-8000-000000000002',
  questionId: '10000000-0000-4000-8000-000000000000',
};

describe('flagPair', () => {
  it('orders an unordered pair one way, whichever essay was submitted last', () => {
    expect(flagPair(X, Y)).toEqual([X, Y]);
    expect(flagPair(Y, X)).toEqual([X, Y]);
  });

  it('orders by attempt, then question, as PostgreSQL compares uuid rows', () => {
    const sameAttempt = {
      ...Y,
      attemptId: X.attemptId.toUpperCase().replace('1B7A', '1b7a').replace('0001', '0000'),
    };
    expect(flagPair(X, sameAttempt)).toEqual([sameAttempt, X]);
  });

  it('never pairs two answers of one attempt', () => {
    expect(flagPair(X, X)).toBeNull();
    expect(flagPair(X, { ...X, questionId: Y.questionId })).toBeNull();
  });
});
