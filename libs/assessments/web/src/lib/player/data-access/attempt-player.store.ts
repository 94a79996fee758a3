import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { AttemptStatus, AttemptView, MyAttemptResult, QuizResponse } from '@thuchoc/assessments/contracts';
import { ProblemMessages, RemoteValue } from '@thuchoc/shared/web-core';
import { EMPTY, Subscription, catchError, filter, map, switchMap, takeWhile, timer } from 'rxjs';
import {
  AnswerDraft,
  EMPTY_DRAFT,
  draftsFromAnswers,
  isAnswered,
  isTextQuestion,
  toggleChoice,
  unansweredNumbers,
} from './answer-draft';
import { AnswerSync, SaveState, isAttemptClosed } from './answer-sync';
import { AttemptSeq } from './attempt-seq';
import { PlayerApi } from './player-api';
import { isSettled } from './quiz-availability';
import { WARNING_SECONDS, clockOffset, secondsLeft } from './server-clock';

/**
 * Where the learner is with the attempt: answering it, sending it, waiting
 * for the server to auto-submit it after the deadline, or looking at its result.
 */
export type PlayerPhase = 'loading' | 'answering' | 'submitting' | 'time-up' | 'finished' | 'failed';

/** Text is saved once the learner pauses typing this long (and at once on blur, next, submit). */
export const TEXT_DEBOUNCE_MS = 800;
/** How often the result is asked for while the server submits or grades the attempt. */
export const RESULT_POLL_MS = 2_000;
/** Give up asking after this many polls (about five minutes); the quiz page shows the result later. */
export const RESULT_POLL_LIMIT = 150;

const POSITION_KEY_PREFIX = 'thuchoc.attempt-position.';

/**
 * One attempt as the learner takes it: the questions and their drafts (the
 * server's stored answers on opening, so a reload resumes), autosave, the
 * timer against the server's clock, submitting, and the result — also when
 * the deadline passes and the server submits the attempt itself.
 */
@Injectable()
export class AttemptPlayerStore {
  private readonly api = inject(PlayerApi);
  private readonly problems = inject(ProblemMessages);
  private readonly document = inject(DOCUMENT);
  private readonly sync = signal<AnswerSync | null>(null);
  private seq: AttemptSeq | null = null;
  /** Server clock minus this browser's clock, from the last view's `now`. */
  private offsetMs = 0;
  private loading: Subscription | null = null;
  private polling: Subscription | null = null;
  private readonly clock = signal(Date.now());

  readonly attempt = signal<AttemptView | null>(null);
  /** The quiz's title and rules, for the heading and the way back. */
  readonly quiz = new RemoteValue<QuizResponse>();
  readonly phase = signal<PlayerPhase>('loading');
  readonly loadError = signal<string | null>(null);
  /** Why the last submit failed (not a closed attempt). */
  readonly submitError = signal<string | null>(null);
  readonly drafts = signal<Readonly<Record<string, AnswerDraft>>>({});
  readonly currentIndex = signal(0);
  /** This attempt's result, once the server has it. */
  readonly result = signal<MyAttemptResult | null>(null);
  /** Polling stopped before the result came: the quiz page will show it later. */
  readonly isResultLate = signal(false);

  readonly questions = computed(() => this.attempt()?.questions ?? []);
  readonly current = computed(() => this.questions()[this.currentIndex()] ?? null);
  readonly currentDraft = computed(() => {
    const question = this.current();
    return question === null ? EMPTY_DRAFT : (this.drafts()[question.questionId] ?? EMPTY_DRAFT);
  });
  readonly answered = computed(() => {
    const drafts = this.drafts();
    return this.questions().map((question) => isAnswered(drafts[question.questionId]));
  });
  readonly answeredCount = computed(() => this.answered().filter(Boolean).length);
  readonly unanswered = computed(() => unansweredNumbers(this.questions(), this.drafts()));
  readonly canAnswer = computed(() => this.phase() === 'answering');
  readonly saveState = computed<SaveState>(() => this.sync()?.state() ?? { kind: 'idle' });
  readonly secondsLeft = computed(() => {
    const attempt = this.attempt();
    return attempt === null ? null : secondsLeft(attempt.deadline, this.clock(), this.offsetMs);
  });
  readonly isLastMinute = computed(() => {
    const left = this.secondsLeft();
    return left !== null && left < WARNING_SECONDS && this.canAnswer();
  });

  constructor() {
    const ticker = setInterval(() => this.tick(), 1_000);
    const flushWhenHidden = () => {
      if (this.document.visibilityState === 'hidden') this.sync()?.flush();
    };
    this.document.addEventListener('visibilitychange', flushWhenHidden);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(ticker);
      this.document.removeEventListener('visibilitychange', flushWhenHidden);
      this.stop();
    });
  }

  load(attemptId: string): void {
    this.stop();
    this.attempt.set(null);
    this.result.set(null);
    this.loadError.set(null);
    this.submitError.set(null);
    this.isResultLate.set(false);
    this.phase.set('loading');
    this.loading = this.api.attempt(attemptId).subscribe({
      next: (view) => this.open(view, Date.now()),
      error: (error: unknown) => {
        this.loadError.set(this.problems.describe(error).message);
        this.phase.set('failed');
      },
    });
  }

  /** Picks option `index` of the current question (toggles it on a multiple-choice one). */
  choose(index: number): void {
    const question = this.current();
    if (question === null || !this.canAnswer() || isTextQuestion(question.type)) return;
    const choices = toggleChoice(question.type, this.currentDraft().choices, index);
    this.setDraft(question.questionId, { choices, text: '' });
    this.sync()?.queue(question.questionId, { choices });
  }

  /** The learner typed: saved once they pause. */
  type(text: string): void {
    const question = this.current();
    if (question === null || !this.canAnswer() || !isTextQuestion(question.type)) return;
    this.setDraft(question.questionId, { choices: [], text });
    this.sync()?.queue(question.questionId, { text }, TEXT_DEBOUNCE_MS);
  }

  /** Sends what is still being typed (a blur). */
  flush(): void {
    this.sync()?.flush();
  }

  goTo(index: number): void {
    const count = this.questions().length;
    if (count === 0) return;
    this.flush();
    const next = Math.min(Math.max(index, 0), count - 1);
    this.currentIndex.set(next);
    this.rememberPosition(next);
  }

  /** Saves everything, then submits; a closed attempt turns into the deadline's handling. */
  async submit(): Promise<void> {
    const attempt = this.attempt();
    const sync = this.sync();
    if (attempt === null || sync === null || !this.canAnswer()) return;
    this.phase.set('submitting');
    this.submitError.set(null);
    await sync.settle();
    if (this.phase() !== 'submitting') return; // the deadline caught a save meanwhile
    this.api.submit(attempt.id).subscribe({
      next: (summary) => {
        this.attempt.update((view) => (view === null ? view : { ...view, ...summary }));
        this.finish();
      },
      error: (error: unknown) => {
        if (isAttemptClosed(error)) return this.timeUp();
        this.submitError.set(this.problems.describe(error).message);
        this.phase.set('answering');
      },
    });
  }

  private open(view: AttemptView, receivedAtMs: number): void {
    this.offsetMs = clockOffset(view.now, receivedAtMs);
    this.clock.set(Date.now());
    this.attempt.set(view);
    this.drafts.set(draftsFromAnswers(view.answers));
    this.currentIndex.set(this.storedPosition(view));
    if (this.quiz.value()?.id !== view.quizId) this.quiz.load(this.api.quiz(view.quizId));
    if (view.status !== AttemptStatus.Active) {
      this.phase.set('finished');
      this.pollResult();
      return;
    }
    const seq = new AttemptSeq(view.id, view.answers);
    this.seq = seq;
    this.sync.set(
      new AnswerSync({
        send: (questionId, request) => this.api.save(view.id, questionId, request),
        nextSeq: () => seq.next(),
        onClosed: () => this.timeUp(),
      }),
    );
    this.phase.set('answering');
    this.tick();
  }

  /** A submit still waiting for its saves (a bad network) is overtaken by the deadline too. */
  private tick(): void {
    this.clock.set(Date.now());
    const phase = this.phase();
    if ((phase === 'answering' || phase === 'submitting') && this.secondsLeft() === 0) this.timeUp();
  }

  /**
   * The deadline has passed: no more input. What is still queued goes at once
   * (the server accepts it for a short grace, then answers 409, which stops the
   * sync), and the page waits for the server's auto-submit to show the result.
   */
  private timeUp(): void {
    const phase = this.phase();
    if (phase === 'time-up' || phase === 'finished') return;
    this.phase.set('time-up');
    this.sync()?.flush();
    this.pollResult();
  }

  private finish(): void {
    this.sync()?.dispose();
    this.seq?.forget();
    this.phase.set('finished');
    this.pollResult();
  }

  /** Asks for the learner's attempts until this one is submitted and its result is settled. */
  private pollResult(): void {
    const attempt = this.attempt();
    if (attempt === null) return;
    this.polling?.unsubscribe();
    let polls = 0;
    this.polling = timer(0, RESULT_POLL_MS)
      .pipe(
        switchMap(() => {
          polls += 1;
          return this.api.myAttempts(attempt.quizId).pipe(catchError(() => EMPTY));
        }),
        map((attempts) => attempts.find((candidate) => candidate.id === attempt.id) ?? null),
        filter((found): found is MyAttemptResult => found !== null),
        takeWhile((found) => {
          if (found.status !== AttemptStatus.Active) this.showResult(found);
          const isDone = isSettled(found);
          if (!isDone && polls >= RESULT_POLL_LIMIT) this.isResultLate.set(true);
          return !isDone && polls < RESULT_POLL_LIMIT;
        }),
      )
      .subscribe();
  }

  private showResult(result: MyAttemptResult): void {
    this.sync()?.dispose();
    this.result.set(result);
    this.attempt.update((view) => (view === null ? view : { ...view, ...summaryOf(result) }));
    this.seq?.forget();
    this.phase.set('finished');
  }

  private setDraft(questionId: string, draft: AnswerDraft): void {
    this.drafts.update((drafts) => ({ ...drafts, [questionId]: draft }));
  }

  /** Stops everything of the attempt on screen; answers still queued are sent first. */
  private stop(): void {
    this.loading?.unsubscribe();
    this.polling?.unsubscribe();
    const sync = this.sync();
    if (sync !== null) {
      sync.flush();
      sync.dispose();
      this.sync.set(null);
    }
    this.seq = null;
  }

  private storedPosition(view: AttemptView): number {
    const stored = Number(sessionStorage.getItem(POSITION_KEY_PREFIX + view.id) ?? 0);
    return Number.isInteger(stored) && stored >= 0 && stored < view.questions.length ? stored : 0;
  }

  private rememberPosition(index: number): void {
    const id = this.attempt()?.id;
    if (id !== undefined) sessionStorage.setItem(POSITION_KEY_PREFIX + id, String(index));
  }
}

function summaryOf(result: MyAttemptResult) {
  const { status, submittedAt, submission, score, isPassed, isUnderReview } = result;
  return { status, submittedAt, submission, score, isPassed, isUnderReview };
}
