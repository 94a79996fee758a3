import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AttemptStatus, SubmissionKind } from '@thuchoc/assessments/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import {
  ATTEMPT_ID,
  QUIZ_ID,
  makeAttemptView,
  makeQuiz,
  makeResult,
  providePlayerTesting,
} from '../testing/make-attempt';
import { AttemptPlayerStore, RESULT_POLL_MS, TEXT_DEBOUNCE_MS } from './attempt-player.store';

const ATTEMPT_URL = `/api/v1/me/attempts/${ATTEMPT_ID}`;
const RESULTS_URL = `/api/v1/me/quizzes/${QUIZ_ID}/attempts`;
const answerUrl = (questionId: string) => `${ATTEMPT_URL}/answers/${questionId}`;
const SAVED_AT = '2026-03-02T02:01:00.000Z';

describe(AttemptPlayerStore.name, () => {
  let store: AttemptPlayerStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-02T02:00:00.000Z') });
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [...providePlayerTesting(), AttemptPlayerStore] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    store = TestBed.inject(AttemptPlayerStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  /** Opens the attempt with these stored answers; the quiz's heading request is answered too. */
  function open(overrides: Parameters<typeof makeAttemptView>[0] = {}): void {
    store.load(ATTEMPT_ID);
    http.expectOne(ATTEMPT_URL).flush(makeAttemptView(overrides));
    http.expectOne(`/api/v1/quizzes/${QUIZ_ID}`).flush(makeQuiz());
  }

  function flushSave(questionId: string) {
    const request = http.expectOne(answerUrl(questionId));
    const body = request.request.body as { seq: number; choices?: number[]; text?: string };
    request.flush({
      questionId,
      seq: body.seq,
      choices: body.choices ?? [],
      text: body.text ?? null,
      savedAt: SAVED_AT,
    });
    return body;
  }

  it('resumes with the stored answers and saves the next change above their seq', () => {
    open({
      answers: [{ questionId: 'q1', seq: 7, choices: [1], text: null, savedAt: SAVED_AT }],
    });
    expect(store.phase()).toBe('answering');
    expect(store.currentDraft()).toEqual({ choices: [1], text: '' });
    expect(store.answered()).toEqual([true, false]);

    store.choose(0);

    expect(flushSave('q1')).toEqual({ seq: 8, choices: [0] });
    expect(store.saveState()).toEqual({ kind: 'saved', at: SAVED_AT });
  });

  it('never rolls the screen back when an older save answers after a newer choice', () => {
    open();
    store.choose(0);
    store.choose(2);
    const first = http.expectOne(answerUrl('q1'));
    first.flush({ questionId: 'q1', seq: 1, choices: [0], text: null, savedAt: SAVED_AT });

    expect(store.currentDraft().choices).toEqual([2]);
    expect(flushSave('q1')).toEqual({ seq: 2, choices: [2] });
    expect(store.currentDraft().choices).toEqual([2]);
  });

  it('saves text once the learner pauses, or at once on leaving the question', () => {
    open();
    store.goTo(1);
    store.type('Hồ Chí');
    store.type('Hồ Chí Minh');
    http.expectNone(answerUrl('q2'));
    jest.advanceTimersByTime(TEXT_DEBOUNCE_MS);
    expect(flushSave('q2')).toEqual({ seq: 1, text: 'Hồ Chí Minh' });

    store.type('Hồ Chí Minh.');
    store.goTo(0);
    expect(flushSave('q2')).toEqual({ seq: 2, text: 'Hồ Chí Minh.' });
    expect(store.currentIndex()).toBe(0);
  });

  it('stops input at the deadline on the server clock, then shows the auto-submitted result', async () => {
    // The browser's clock is 30 s behind the server's: the deadline comes 30 s early by it.
    open({ now: '2026-03-02T02:00:30.000Z', deadline: '2026-03-02T02:01:00.000Z' });
    expect(store.secondsLeft()).toBe(30);
    jest.advanceTimersByTime(29_000);
    expect(store.isLastMinute()).toBe(true);
    store.choose(1);
    flushSave('q1');

    jest.advanceTimersByTime(1_000);
    expect(store.phase()).toBe('time-up');
    store.choose(2);
    http.expectNone(answerUrl('q1'));

    jest.advanceTimersByTime(1);
    http.expectOne(RESULTS_URL).flush([makeResult({ status: AttemptStatus.Active, score: null })]);
    expect(store.phase()).toBe('time-up');
    jest.advanceTimersByTime(RESULT_POLL_MS);
    http.expectOne(RESULTS_URL).flush([makeResult({ submission: SubmissionKind.Auto, score: 5 })]);

    expect(store.phase()).toBe('finished');
    expect(store.result()?.score).toBe(5);
    expect(store.attempt()?.submission).toBe(SubmissionKind.Auto);
    jest.advanceTimersByTime(RESULT_POLL_MS * 3);
    http.expectNone(RESULTS_URL);
  });

  it('lets the deadline overtake a submit still waiting for its saves on a bad network', async () => {
    open({ deadline: '2026-03-02T02:00:10.000Z' });
    store.choose(1);
    http.expectOne(answerUrl('q1')).error(new ProgressEvent('error'), { status: 0 });
    const submitting = store.submit();
    http.expectOne(answerUrl('q1')).error(new ProgressEvent('error'), { status: 0 });
    expect(store.saveState()).toEqual({ kind: 'retrying' });

    jest.advanceTimersByTime(10_000);
    expect(store.phase()).toBe('time-up');
    // The queued answer is tried once more at the deadline; the server's grace may still take it.
    http
      .expectOne(answerUrl('q1'))
      .flush({ questionId: 'q1', seq: 3, choices: [1], text: null, savedAt: SAVED_AT });
    await submitting;
    jest.advanceTimersByTime(1);
    http.expectNone(`${ATTEMPT_URL}/submit`);
    http.expectOne(RESULTS_URL);
  });

  it('treats a save refused with 409 attempt.closed as the deadline', () => {
    open();
    store.choose(1);
    http
      .expectOne(answerUrl('q1'))
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, code: 'attempt.closed' },
        { status: 409, statusText: 'Conflict' },
      );

    expect(store.phase()).toBe('time-up');
    expect(store.canAnswer()).toBe(false);
  });

  it('saves what is being typed before submitting, then waits for the grade', async () => {
    open();
    store.goTo(1);
    store.type('Hồ Chí Minh');
    const submitting = store.submit();
    expect(store.phase()).toBe('submitting');
    flushSave('q2');
    await submitting;

    const submit = http.expectOne(`${ATTEMPT_URL}/submit`);
    submit.flush({ ...makeResult({ status: AttemptStatus.Submitted, score: null }) });
    expect(store.phase()).toBe('finished');
    jest.advanceTimersByTime(1);
    http.expectOne(RESULTS_URL).flush([makeResult({ status: AttemptStatus.Submitted, score: null })]);
    expect(store.result()?.status).toBe(AttemptStatus.Submitted);
    jest.advanceTimersByTime(RESULT_POLL_MS);
    http.expectOne(RESULTS_URL).flush([makeResult()]);

    expect(store.result()?.score).toBe(7.5);
    expect(localStorage.getItem(`thuchoc.attempt-seq.${ATTEMPT_ID}`)).toBeNull();
  });

  it('shows the result of an attempt already submitted when it is opened again', () => {
    open({ status: AttemptStatus.Graded, submission: SubmissionKind.Learner, score: 7.5 });
    jest.advanceTimersByTime(1);
    http.expectOne(RESULTS_URL).flush([makeResult()]);

    expect(store.phase()).toBe('finished');
    expect(store.result()?.score).toBe(7.5);
  });

  it('carries a result held under similarity review into the attempt', () => {
    open({ status: AttemptStatus.Graded, submission: SubmissionKind.Learner, score: 7.5 });
    jest.advanceTimersByTime(1);
    http.expectOne(RESULTS_URL).flush([makeResult({ isUnderReview: true })]);

    expect(store.result()?.isUnderReview).toBe(true);
    expect(store.attempt()?.isUnderReview).toBe(true);
  });

  it('says so when the attempt is not the learner’s', () => {
    store.load(ATTEMPT_ID);
    http
      .expectOne(ATTEMPT_URL)
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'attempt.not-found' },
        { status: 404, statusText: 'Not Found' },
      );

    expect(store.phase()).toBe('failed');
    expect(store.loadError()).toBe('Không tìm thấy lượt làm bài này của bạn.');
  });
});
