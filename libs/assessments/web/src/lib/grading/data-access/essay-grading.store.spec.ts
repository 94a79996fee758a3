import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AttemptStatus } from '@thuchoc/assessments/contracts';
import {
  ATTEMPT_ID,
  QUIZ_ID,
  makeGraded,
  makeQueueItem,
  makeQuiz,
  makeRubric,
  problem,
  provideGradingTesting,
} from '../testing/grading-factories';
import { EssayGradingStore } from './essay-grading.store';

const ATTEMPT = `/api/v1/quiz-attempts/${ATTEMPT_ID}/essay-grading`;

describe(EssayGradingStore.name, () => {
  let store: EssayGradingStore;
  let backend: HttpTestingController;

  const answerRubricAndQuiz = () => {
    backend.expectOne(`/api/v1/quizzes/${QUIZ_ID}/rubric`).flush(makeRubric());
    backend.expectOne(`/api/v1/quizzes/${QUIZ_ID}`).flush(makeQuiz());
  };

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideGradingTesting(), EssayGradingStore] });
    store = TestBed.inject(EssayGradingStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('loads the attempt, then the rubric and the quiz', () => {
    store.open(ATTEMPT_ID);
    backend.expectOne(ATTEMPT).flush(makeQueueItem());
    answerRubricAndQuiz();

    const context = store.context.value();
    expect(context?.item.fullName).toBe('Đỗ Thị Giang');
    expect(context?.rubric?.maxPoints).toBe(9);
    expect(store.attemptPoints()).toEqual({
      essayPointsPossible: 4,
      objectivePoints: 1,
      pointsPossible: 5,
      passMark: 5,
    });
  });

  it('says the attempt is not found when the API does', () => {
    store.open(ATTEMPT_ID);
    backend
      .expectOne(ATTEMPT)
      .flush(problem(404, 'attempt.not-found'), { status: 404, statusText: 'Not Found' });

    expect(store.context.value()).toBeNull();
    expect(store.context.error()).not.toBeNull();
    expect(store.context.isLoading()).toBe(false);
  });

  it('takes a quiz without a rubric as a state of its own, not a failure', () => {
    store.open(ATTEMPT_ID);
    backend.expectOne(ATTEMPT).flush(makeQueueItem());
    backend
      .expectOne(`/api/v1/quizzes/${QUIZ_ID}/rubric`)
      .flush(problem(404, 'rubric.not-found'), { status: 404, statusText: 'Not Found' });
    backend.expectOne(`/api/v1/quizzes/${QUIZ_ID}`).flush(makeQuiz());

    expect(store.context.error()).toBeNull();
    expect(store.context.value()?.rubric).toBeNull();
  });

  it('puts the saved grade, score and status on the attempt', () => {
    store.open(ATTEMPT_ID);
    backend.expectOne(ATTEMPT).flush(makeQueueItem());
    answerRubricAndQuiz();
    const request = { criteria: [{ levelIndex: 2 }, { levelIndex: 1 }, { levelIndex: 1 }] };

    store.grade(request).subscribe();
    const put = backend.expectOne(`/api/v1/quiz-attempts/${ATTEMPT_ID}/essay-grade`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual(request);
    put.flush(makeGraded());

    const item = store.context.value()?.item;
    expect(item?.status).toBe(AttemptStatus.Graded);
    expect(item?.score).toBe(8.22);
    expect(item?.grade?.essayPoints).toBe(3.11);
    expect(store.saved()?.score).toBe(8.22);
  });
});
