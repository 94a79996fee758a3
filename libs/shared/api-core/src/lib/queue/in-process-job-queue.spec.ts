import { Logger } from '@nestjs/common';
import { InProcessJobQueue } from './in-process-job-queue';
import { JOB_ATTEMPTS, JobEnvelope } from './job-queue';

describe(InProcessJobQueue.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('runs the processor of the queue with the job id it was given', async () => {
    const queue = new InProcessJobQueue(0);
    const seen: JobEnvelope[] = [];
    queue.register('q', { handle: async (job) => void seen.push(job) });
    await queue.add('q', 'thing.happened', { a: 1 }, { jobId: 'event-1' });
    expect(seen).toEqual([{ id: 'event-1', queue: 'q', name: 'thing.happened', data: { a: 1 }, attempt: 1 }]);
  });

  it('retries a failing job and resolves once it succeeds', async () => {
    const queue = new InProcessJobQueue(0);
    const attempts: number[] = [];
    queue.register('q', {
      handle: async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error('transient');
      },
    });
    await queue.add('q', 'x', {}, { jobId: 'e' });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt so the outbox keeps the event', async () => {
    const queue = new InProcessJobQueue(0);
    let calls = 0;
    queue.register('q', {
      handle: async () => {
        calls++;
        throw new Error('permanent');
      },
    });
    await expect(queue.add('q', 'x', {}, { jobId: 'e' })).rejects.toThrow('permanent');
    expect(calls).toBe(JOB_ATTEMPTS);
  });

  it('refuses a job for a queue nobody processes', async () => {
    await expect(new InProcessJobQueue(0).add('nobody', 'x', {}, { jobId: 'e' })).rejects.toThrow(
      'no processor',
    );
  });

  it('runs a delayed job after add has resolved, not before', async () => {
    const queue = new InProcessJobQueue(0);
    let resolveRan: (job: JobEnvelope) => void = () => undefined;
    const ran = new Promise<JobEnvelope>((resolve) => (resolveRan = resolve));
    let handled = false;
    queue.register('q', {
      handle: async (job) => {
        handled = true;
        resolveRan(job);
      },
    });
    await queue.add('q', 'due', { a: 1 }, { jobId: 'later', delayMs: 30 });
    expect(handled).toBe(false);
    await expect(ran).resolves.toMatchObject({ id: 'later', name: 'due', data: { a: 1 } });
  });

  it('forgets delayed jobs when closed', async () => {
    const queue = new InProcessJobQueue(0);
    const handle = jest.fn(async () => undefined);
    queue.register('q', { handle });
    await queue.add('q', 'due', {}, { jobId: 'never', delayMs: 10_000 });
    queue.close();
    expect(handle).not.toHaveBeenCalled();
  });
});
