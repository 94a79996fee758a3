import { deadlineJob, QueuedDeadlines } from './deadline-jobs';

const QUIZ = '7b0c1d8e-3f2a-4b5c-9d6e-1f2a3b4c5d6e';

describe('deadlineJob', () => {
  it('covers the second of the deadline, rounded up, so no attempt is due before its own deadline', () => {
    const job = deadlineJob(QUIZ, new Date('2026-12-04T08:00:00.250Z'));
    expect(job).toEqual({
      jobId: `attempts-due:${QUIZ}:${Date.parse('2026-12-04T08:00:01Z') / 1000}`,
      data: { quizId: QUIZ, dueAt: '2026-12-04T08:00:01.000Z' },
      dueAtMs: Date.parse('2026-12-04T08:00:01Z'),
    });
  });

  it('gives a deadline on a whole second that second, and one job to every deadline within it', () => {
    const onTheSecond = deadlineJob(QUIZ, new Date('2026-12-04T08:00:00.000Z'));
    expect(onTheSecond.data.dueAt).toBe('2026-12-04T08:00:00.000Z');
    expect(deadlineJob(QUIZ, new Date('2026-12-04T07:59:59.001Z')).jobId).toBe(onTheSecond.jobId);
    expect(deadlineJob(QUIZ, new Date('2026-12-04T08:00:00.001Z')).jobId).not.toBe(onTheSecond.jobId);
  });

  it('keeps the quizzes apart', () => {
    const other = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
    const at = new Date('2026-12-04T08:00:00Z');
    expect(deadlineJob(QUIZ, at).jobId).not.toBe(deadlineJob(other, at).jobId);
  });
});

describe('QueuedDeadlines', () => {
  const at = (iso: string) => deadlineJob(QUIZ, new Date(iso));
  const now = Date.parse('2026-12-04T07:00:00Z');

  it('claims a job once, and again after it is released (its queuing failed)', () => {
    const queued = new QueuedDeadlines();
    const job = at('2026-12-04T08:00:00Z');
    expect(queued.claim(job, now)).toBe(true);
    expect(queued.claim(job, now)).toBe(false);
    queued.release(job);
    expect(queued.claim(job, now)).toBe(true);
  });

  it('stays bounded: when full it forgets jobs already due, then the oldest', () => {
    const queued = new QueuedDeadlines(2);
    const past = at('2026-12-04T06:00:00Z');
    const soon = at('2026-12-04T08:00:00Z');
    const later = at('2026-12-04T09:00:00Z');
    const latest = at('2026-12-04T10:00:00Z');
    queued.claim(past, now);
    queued.claim(soon, now);
    expect(queued.claim(later, now)).toBe(true);
    expect(queued.size).toBe(2);
    expect(queued.claim(soon, now)).toBe(false);
    expect(queued.claim(latest, now)).toBe(true);
    expect(queued.size).toBe(2);
    expect(queued.claim(soon, now)).toBe(true);
  });
});
