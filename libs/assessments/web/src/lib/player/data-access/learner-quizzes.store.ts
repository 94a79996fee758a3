import { DestroyRef, Injectable, Signal, computed, inject, signal } from '@angular/core';
import { AttemptView, MyAttemptResult, QuizResponse } from '@thuchoc/assessments/contracts';
import { RemoteValue } from '@thuchoc/shared/web-core';
import { Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { PlayerApi } from './player-api';
import { QuizAvailability, quizAvailability } from './quiz-availability';

/** How often the pages look at the clock again, so "not open yet" turns into "start" on its own. */
const AVAILABILITY_TICK_MS = 15_000;

/** A quiz with the learner's attempts of it and what they can do now. */
export interface LearnerQuiz {
  quiz: QuizResponse;
  attempts: MyAttemptResult[];
  availability: QuizAvailability;
}

/** The current time, ticking slowly until the store is destroyed. */
function slowClock(): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), AVAILABILITY_TICK_MS);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}

/**
 * Starts an attempt, or resumes the active one (the API answers 200 with it);
 * the gates answer 409 `quiz.not-open`, `quiz.closed`, `attempt.limit-reached`
 * or 403 `attempt.not-eligible`.
 */
@Injectable({ providedIn: 'root' })
export class QuizStarter {
  private readonly api = inject(PlayerApi);

  start(quizId: string): Observable<AttemptView> {
    return this.api.start(quizId).pipe(
      map((response) => {
        if (response.body === null) throw new Error('The start of an attempt answered no attempt');
        return response.body;
      }),
    );
  }
}

/** A class's published quizzes, each with the learner's attempts and standing. */
@Injectable()
export class ClassQuizzesStore {
  private readonly api = inject(PlayerApi);
  private readonly now = slowClock();
  private readonly loaded = new RemoteValue<{ quiz: QuizResponse; attempts: MyAttemptResult[] }[]>();

  readonly isLoading = this.loaded.isLoading;
  readonly error = this.loaded.error;
  readonly quizzes = computed<LearnerQuiz[] | null>(() => {
    const loaded = this.loaded.value();
    const now = this.now();
    return loaded === null
      ? null
      : loaded.map(({ quiz, attempts }) => ({
          quiz,
          attempts,
          availability: quizAvailability(quiz, attempts, now),
        }));
  });

  load(classId: string): void {
    this.loaded.reset();
    this.loaded.load(
      this.api
        .classQuizzes(classId)
        .pipe(
          switchMap((quizzes) =>
            quizzes.length === 0
              ? of([])
              : forkJoin(
                  quizzes.map((quiz) =>
                    this.api.myAttempts(quiz.id).pipe(map((attempts) => ({ quiz, attempts }))),
                  ),
                ),
          ),
        ),
    );
  }
}

/** One quiz: its rules, the learner's attempts with their results, and starting. */
@Injectable()
export class QuizDetailStore {
  private readonly api = inject(PlayerApi);
  private readonly now = slowClock();

  readonly quiz = new RemoteValue<QuizResponse>();
  readonly attempts = new RemoteValue<MyAttemptResult[]>();
  readonly availability = computed(() => {
    const quiz = this.quiz.value();
    const attempts = this.attempts.value();
    return quiz === null || attempts === null ? null : quizAvailability(quiz, attempts, this.now());
  });
  /** Newest first: the latest result on top. */
  readonly results = computed(() => [...(this.attempts.value() ?? [])].reverse());

  load(quizId: string): void {
    if (this.quiz.value()?.id !== quizId) {
      this.quiz.reset();
      this.attempts.reset();
    }
    this.quiz.load(this.api.quiz(quizId));
    this.attempts.load(this.api.myAttempts(quizId));
  }
}
