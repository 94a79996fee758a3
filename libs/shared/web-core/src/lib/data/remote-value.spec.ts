import { TestBed } from '@angular/core/testing';
import { Subject, throwError } from 'rxjs';
import { ProblemMessages } from '../errors/problem';
import { RemoteValue } from './remote-value';

describe('RemoteValue', () => {
  function create(): RemoteValue<number> {
    TestBed.configureTestingModule({
      providers: [
        { provide: ProblemMessages, useValue: { describe: () => ({ message: 'Không tải được.' }) } },
      ],
    });
    return TestBed.runInInjectionContext(() => new RemoteValue<number>());
  }

  it('holds the answer and whether it is loading', () => {
    const remote = create();
    const answer = new Subject<number>();
    remote.load(answer);
    expect(remote.isLoading()).toBe(true);
    expect(remote.value()).toBeNull();
    answer.next(1);
    answer.complete();
    expect(remote.value()).toBe(1);
    expect(remote.isLoading()).toBe(false);
  });

  it('drops a load still on the wire when a newer one starts', () => {
    const remote = create();
    const older = new Subject<number>();
    remote.load(older);
    const newer = new Subject<number>();
    remote.load(newer);
    older.next(1);
    newer.next(2);
    expect(remote.value()).toBe(2);
  });

  it('shows the failure and keeps the last value', () => {
    const remote = create();
    remote.set(3);
    remote.load(throwError(() => new Error('x')));
    expect(remote.error()).toBe('Không tải được.');
    expect(remote.isLoading()).toBe(false);
    expect(remote.value()).toBe(3);
  });

  it('updates only a loaded value, and resets to nothing', () => {
    const remote = create();
    remote.update((value) => value + 1);
    expect(remote.value()).toBeNull();
    remote.set(1);
    remote.update((value) => value + 1);
    expect(remote.value()).toBe(2);
    remote.reset();
    expect(remote.value()).toBeNull();
    expect(remote.error()).toBeNull();
  });
});
