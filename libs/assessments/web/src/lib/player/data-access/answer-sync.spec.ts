import { HttpErrorResponse } from '@angular/common/http';
import { AttemptAnswer, SaveAnswerRequest } from '@thuchoc/assessments/contracts';
import { Subject } from 'rxjs';
import { AnswerSync, RETRY_DELAYS_MS } from './answer-sync';

interface SentRequest {
  questionId: string;
  request: SaveAnswerRequest;
  answer: Subject<AttemptAnswer>;
}

function setUp() {
  const sent: SentRequest[] = [];
  let seq = 0;
  const onClosed = jest.fn();
  const sync = new AnswerSync({
    send: (questionId, request) => {
      const answer = new Subject<AttemptAnswer>();
      sent.push({ questionId, request, answer });
      return answer;
    },
    nextSeq: () => ++seq,
    onClosed,
  });
  /** The server stores request `index` at `savedAt`. */
  const answer = (index: number, savedAt = '2026-03-02T07:02:31.000Z') => {
    const { questionId, request, answer: subject } = sent[index];
    subject.next({
      questionId,
      seq: request.seq,
      choices: request.choices ?? [],
      text: request.text ?? null,
      savedAt,
    });
    subject.complete();
  };
  const fail = (index: number, status: number, code?: string) =>
    sent[index].answer.error(
      new HttpErrorResponse({
        status,
        error: code ? { type: 'about:blank', title: 'x', status, code } : null,
      }),
    );
  return { sync, sent, answer, fail, onClosed };
}

describe(AnswerSync.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends a choice at once with a higher seq than the last, and shows when it was saved', () => {
    const { sync, sent, answer } = setUp();

    sync.queue('q1', { choices: [2] });
    expect(sync.state()).toEqual({ kind: 'saving' });
    answer(0);
    sync.queue('q2', { choices: [0] });
    answer(1, '2026-03-02T07:02:35.000Z');

    expect(sent.map((item) => [item.questionId, item.request])).toEqual([
      ['q1', { choices: [2], seq: 1 }],
      ['q2', { choices: [0], seq: 2 }],
    ]);
    expect(sync.state()).toEqual({ kind: 'saved', at: '2026-03-02T07:02:35.000Z' });
  });

  it('keeps one save per question on the wire and sends only the latest answer after it', () => {
    const { sync, sent, answer } = setUp();

    sync.queue('q1', { choices: [0] });
    sync.queue('q1', { choices: [1] });
    sync.queue('q1', { choices: [2] });
    expect(sent).toHaveLength(1);
    answer(0);

    expect(sent).toHaveLength(2);
    expect(sent[1].request).toEqual({ choices: [2], seq: 2 });
    expect(sync.state()).toEqual({ kind: 'saving' });
  });

  it('debounces text until the learner pauses, and a flush sends it at once', () => {
    const { sync, sent } = setUp();

    sync.queue('q1', { text: 'Hồ' }, 800);
    jest.advanceTimersByTime(500);
    sync.queue('q1', { text: 'Hồ Chí' }, 800);
    jest.advanceTimersByTime(799);
    expect(sent).toHaveLength(0);
    expect(sync.state()).toEqual({ kind: 'saving' });
    jest.advanceTimersByTime(1);
    expect(sent.map((item) => item.request.text)).toEqual(['Hồ Chí']);

    sync.queue('q2', { text: 'Hà Nội' }, 800);
    sync.flush();
    expect(sent.map((item) => item.request.text)).toEqual(['Hồ Chí', 'Hà Nội']);
  });

  it('keeps an answer queued through a network failure and retries it with a growing pause', () => {
    const { sync, sent, answer, fail } = setUp();

    sync.queue('q1', { choices: [1] });
    fail(0, 0);
    expect(sync.state()).toEqual({ kind: 'retrying' });
    jest.advanceTimersByTime(RETRY_DELAYS_MS[0]);
    expect(sent).toHaveLength(2);
    fail(1, 503);
    jest.advanceTimersByTime(RETRY_DELAYS_MS[0]);
    expect(sent).toHaveLength(2);
    jest.advanceTimersByTime(RETRY_DELAYS_MS[1] - RETRY_DELAYS_MS[0]);
    expect(sent).toHaveLength(3);
    expect(sent[2].request).toEqual({ choices: [1], seq: 3 });
    answer(2);

    expect(sync.state()).toEqual({ kind: 'saved', at: '2026-03-02T07:02:31.000Z' });
  });

  it('sends the newer answer, not the failed one, when the learner changed it while offline', () => {
    const { sync, sent, fail } = setUp();

    sync.queue('q1', { choices: [0] });
    sync.queue('q1', { choices: [3] });
    fail(0, 0);
    jest.advanceTimersByTime(RETRY_DELAYS_MS[0]);

    expect(sent.map((item) => item.request.choices)).toEqual([[0], [3]]);
  });

  it('stops and reports a closed attempt (409 attempt.closed), dropping what is queued', () => {
    const { sync, sent, fail, onClosed } = setUp();

    sync.queue('q1', { choices: [0] });
    sync.queue('q2', { text: 'chưa gửi' }, 800);
    fail(0, 409, 'attempt.closed');
    jest.advanceTimersByTime(5_000);
    sync.queue('q3', { choices: [1] });

    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    expect(sync.state()).toEqual({ kind: 'closed' });
  });

  it('does not retry an answer the server refused, and says so', () => {
    const { sync, sent, fail } = setUp();

    sync.queue('q1', { choices: [9] });
    fail(0, 400, 'answer.invalid');
    jest.advanceTimersByTime(30_000);

    expect(sent).toHaveLength(1);
    expect(sync.state().kind).toBe('refused');
  });

  it('settles once everything queued has been saved', async () => {
    const { sync, answer } = setUp();
    const settled = jest.fn();

    sync.queue('q1', { text: 'Đang gõ' }, 800);
    const done = sync.settle().then(settled);
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
    answer(0);
    await done;

    expect(settled).toHaveBeenCalled();
    expect(sync.hasUnsaved()).toBe(false);
  });
});
