import { RubricCriterion } from '@thuchoc/assessments/contracts';
import { attemptTotal, gradeProblems, rubricMaxPoints, rubricProblems, scoreEssays } from './rubric-rules';

const levels = (...points: number[]) => points.map((p, i) => ({ label: `Mức ${i}`, points: p }));
const RUBRIC: RubricCriterion[] = [
  { label: 'Nắm vững lý luận', levels: levels(0, 1, 2, 3) },
  { label: 'Liên hệ thực tiễn', levels: levels(0, 2, 4) },
  { label: 'Trình bày', levels: levels(0, 1, 2) },
];
const fields = (errors: { field: string }[]) => errors.map((error) => error.field);

describe('rubricProblems', () => {
  it('accepts criteria with at least two levels of points ≥ 0', () => {
    expect(rubricProblems(RUBRIC)).toEqual([]);
    expect(rubricMaxPoints(RUBRIC)).toBe(9);
  });

  it('refuses no criterion, a single level, negative points, duplicate labels and an all-zero rubric', () => {
    expect(fields(rubricProblems([]))).toEqual(['criteria']);
    expect(fields(rubricProblems([{ label: 'A', levels: levels(1) }]))).toEqual(['criteria.0.levels']);
    expect(fields(rubricProblems([{ label: 'A', levels: levels(-1, 2) }]))).toEqual([
      'criteria.0.levels.0.points',
    ]);
    expect(
      fields(
        rubricProblems([
          {
            label: 'A',
            levels: [
              { label: 'x', points: 0 },
              { label: 'X', points: 1 },
            ],
          },
          { label: 'a', levels: levels(0, 1.005) },
        ]),
      ),
    ).toEqual(['criteria.0.levels.1.label', 'criteria.1.label', 'criteria.1.levels.1.points']);
    expect(fields(rubricProblems([{ label: 'A', levels: levels(0, 0) }]))).toEqual(['criteria']);
  });
});

describe('gradeProblems', () => {
  it('wants one level in range per criterion and a reason for a change', () => {
    const grade = { criteria: [{ levelIndex: 3 }, { levelIndex: 2 }, { levelIndex: 1 }] };
    expect(gradeProblems(RUBRIC, grade, false)).toEqual([]);
    expect(fields(gradeProblems(RUBRIC, grade, true))).toEqual(['reason']);
    expect(gradeProblems(RUBRIC, { ...grade, reason: 'Phúc khảo' }, true)).toEqual([]);
    expect(
      fields(gradeProblems(RUBRIC, { criteria: [{ levelIndex: 4 }, { levelIndex: 0.5 }] }, false)),
    ).toEqual(['criteria', 'criteria.0.levelIndex', 'criteria.1.levelIndex']);
  });
});

describe('scoreEssays', () => {
  it('turns levels into points and scales the rubric to the essays’ points', () => {
    const score = scoreEssays(
      RUBRIC,
      { criteria: [{ levelIndex: 2, comment: ' Khá ' }, { levelIndex: 2 }, { levelIndex: 0 }] },
      4,
    );
    expect(score.criteria[0]).toEqual({
      label: 'Nắm vững lý luận',
      levelLabel: 'Mức 2',
      points: 2,
      maxPoints: 3,
      comment: 'Khá',
    });
    expect(score).toMatchObject({ rubricPoints: 6, rubricMaxPoints: 9, essayPoints: 2.67 });
  });

  it('adds objective and essay points on the 10-point scale with the pass mark', () => {
    expect(attemptTotal(3, 2.67, 8, 7)).toEqual({ pointsEarned: 5.67, score: 7.09, isPassed: true });
    expect(attemptTotal(0, 1, 3, 5)).toEqual({ pointsEarned: 1, score: 3.33, isPassed: false });
  });
});
