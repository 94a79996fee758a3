import { QUESTION_DIFFICULTIES, QuestionDifficulty, TopicSummary } from '@thuchoc/assessments/contracts';

export interface SummaryTotals {
  total: number;
  byDifficulty: Record<QuestionDifficulty, number>;
}

/** The whole bank's counts: every topic's added up. */
export function summaryTotals(topics: readonly TopicSummary[]): SummaryTotals {
  const byDifficulty = Object.fromEntries(
    QUESTION_DIFFICULTIES.map((difficulty) => [
      difficulty,
      topics.reduce((sum, topic) => sum + topic.byDifficulty[difficulty], 0),
    ]),
  ) as Record<QuestionDifficulty, number>;
  return { total: topics.reduce((sum, topic) => sum + topic.total, 0), byDifficulty };
}
