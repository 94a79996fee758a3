import { Observable, Subject, of } from 'rxjs';
import { POLL_INTERVAL_MS, pollUntil } from './classes-polling';

describe('pollUntil', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks every interval until the answer is final, emits that answer and stops', () => {
    const answers = ['queued', 'running', 'completed', 'never asked'];
    let calls = 0;
    const seen: string[] = [];
    let isComplete = false;

    pollUntil(
      () => of(answers[calls++]),
      (status) => status === 'completed',
    ).subscribe({ next: (status) => seen.push(status), complete: () => (isComplete = true) });

    expect(calls).toBe(0);
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    expect(seen).toEqual(['queued']);
    jest.advanceTimersByTime(POLL_INTERVAL_MS * 5);
    expect(seen).toEqual(['queued', 'running', 'completed']);
    expect(calls).toBe(3);
    expect(isComplete).toBe(true);
  });

  it('waits for a slow answer instead of sending more requests meanwhile', () => {
    const pending: Subject<string>[] = [];
    const fetch = (): Observable<string> => {
      const answer = new Subject<string>();
      pending.push(answer);
      return answer;
    };
    const seen: string[] = [];
    pollUntil(fetch, (status) => status === 'done').subscribe((status) => seen.push(status));

    jest.advanceTimersByTime(POLL_INTERVAL_MS * 4);
    expect(pending).toHaveLength(1);

    pending[0].next('done');
    pending[0].complete();
    jest.advanceTimersByTime(POLL_INTERVAL_MS * 4);
    expect(seen).toEqual(['done']);
    expect(pending).toHaveLength(1);
  });
});
