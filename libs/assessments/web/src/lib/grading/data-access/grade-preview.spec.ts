import { makeGrade, makeQueueItem, makeRubric } from '../testing/grading-factories';
import {
  criterionCommentsOf,
  essayPointsPossible,
  gradePreview,
  picksOf,
  rubricMaxPoints,
} from './grade-preview';

const { criteria } = makeRubric();
/** The essay is worth 4 of the attempt's 5 points; 1 objective point earned. */
const ATTEMPT = { essayPointsPossible: 4, objectivePoints: 1, pointsPossible: 5, passMark: 5 };

describe('gradePreview', () => {
  it('scales the rubric points to the essay points as the API does (9 points at 6 on 4 gives 2.67)', () => {
    const nine = [
      {
        label: 'A',
        levels: [
          { label: 'x', points: 0 },
          { label: 'y', points: 3 },
        ],
      },
      {
        label: 'B',
        levels: [
          { label: 'x', points: 0 },
          { label: 'y', points: 3 },
        ],
      },
      {
        label: 'C',
        levels: [
          { label: 'x', points: 0 },
          { label: 'y', points: 3 },
        ],
      },
    ];
    const preview = gradePreview(nine, [1, 1, 0], { ...ATTEMPT, objectivePoints: 0, pointsPossible: 4 });

    expect(preview.rubricPoints).toBe(6);
    expect(preview.essayPoints).toBe(2.67);
    expect(preview.score).toBe(6.68);
  });

  it('adds the essay points to the objective ones on the 10-point scale with the pass mark', () => {
    const preview = gradePreview(criteria, [2, 1, 1], ATTEMPT);

    expect(preview).toEqual({
      isComplete: true,
      rubricPoints: 7,
      rubricMaxPoints: 9,
      essayPoints: 3.11,
      essayPointsPossible: 4,
      pointsEarned: 4.11,
      pointsPossible: 5,
      score: 8.22,
      isPassed: true,
    });
  });

  it('is incomplete while a criterion has no level, counting it as nothing', () => {
    const preview = gradePreview(criteria, [2, null, 0], ATTEMPT);

    expect(preview.isComplete).toBe(false);
    expect(preview.rubricPoints).toBe(3);
  });

  it('fails below the pass mark and passes exactly on it', () => {
    expect(gradePreview(criteria, [0, 0, 0], ATTEMPT)).toMatchObject({ score: 2, isPassed: false });
    const onTheMark = gradePreview(criteria, [0, 0, 0], { ...ATTEMPT, passMark: 2 });
    expect(onTheMark.isPassed).toBe(true);
  });

  it('gives 0 rather than dividing by nothing', () => {
    const preview = gradePreview([], [], {
      ...ATTEMPT,
      essayPointsPossible: 0,
      objectivePoints: 0,
      pointsPossible: 0,
    });

    expect(preview).toMatchObject({ isComplete: false, essayPoints: 0, score: 0 });
  });
});

describe('rubricMaxPoints and essayPointsPossible', () => {
  it('sums each criterion’s highest level and the essay questions’ points', () => {
    expect(rubricMaxPoints(criteria)).toBe(9);
    const item = makeQueueItem();
    expect(essayPointsPossible([...item.essays, { ...item.essays[0], points: 1.5 }])).toBe(5.5);
  });
});

describe('picksOf and criterionCommentsOf', () => {
  it('finds a saved grade’s levels and comments by label', () => {
    expect(picksOf(criteria, makeGrade())).toEqual([2, 1, 1]);
    expect(criterionCommentsOf(criteria, makeGrade())).toEqual(['', 'Cần số liệu.', '']);
  });

  it('leaves a criterion unpicked when its level is unknown, and everything without a grade', () => {
    const grade = makeGrade();
    grade.criteria[0] = { ...grade.criteria[0], levelLabel: 'Xuất sắc' };

    expect(picksOf(criteria, grade)).toEqual([null, 1, 1]);
    expect(picksOf(criteria, null)).toEqual([null, null, null]);
    expect(criterionCommentsOf(criteria, null)).toEqual(['', '', '']);
  });
});
