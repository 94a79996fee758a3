import { KeyedBatcher } from './keyed-batcher';

/** A flush that records its batches and answers when told to. */
function recordingFlush() {
  const batches: {
    key: string;
    inputs: number[];
    release: (outputs?: string[]) => void;
    fail: (error: Error) => void;
  }[] = [];
  const flush = (key: string, inputs: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({
        key,
        inputs,
        release: (outputs) => resolve(outputs ?? inputs.map((input) => `${key}:${input}`)),
        fail: reject,
      });
    });
  return { batches, flush };
}

/** Lets queued setImmediate callbacks and promise reactions run. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedBatcher', () => {
  it('sends the calls of one turn of the event loop together, each answered with its own output', async () => {
    const { batches, flush } = recordingFlush();
    const batcher = new KeyedBatcher(flush, { maxBatch: 10, maxInFlight: 1 });
    const answers = Promise.all([batcher.add('q', 1), batcher.add('q', 2), batcher.add('q', 3)]);
    await turn();
    expect(batches.map((batch) => batch.inputs)).toEqual([[1, 2, 3]]);
    batches[0].release();
    await expect(answers).resolves.toEqual(['q:1', 'q:2', 'q:3']);
    expect(batcher.activeKeys).toBe(0);
  });

  it('keeps keys apart', async () => {
    const { batches, flush } = recordingFlush();
    const batcher = new KeyedBatcher(flush, { maxBatch: 10, maxInFlight: 1 });
    const answers = Promise.all([batcher.add('a', 1), batcher.add('b', 2), batcher.add('a', 3)]);
    await turn();
    expect(batches.map((batch) => [batch.key, batch.inputs])).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
    batches.forEach((batch) => batch.release());
    await expect(answers).resolves.toEqual(['a:1', 'b:2', 'a:3']);
  });

  it('queues calls while the key has maxInFlight flushes running, then sends them as one', async () => {
    const { batches, flush } = recordingFlush();
    const batcher = new KeyedBatcher(flush, { maxBatch: 10, maxInFlight: 1 });
    const first = batcher.add('q', 1);
    await turn();
    const later = Promise.all([batcher.add('q', 2), batcher.add('q', 3), batcher.add('q', 4)]);
    await turn();
    expect(batches).toHaveLength(1);
    batches[0].release();
    await expect(first).resolves.toBe('q:1');
    await turn();
    expect(batches.map((batch) => batch.inputs)).toEqual([[1], [2, 3, 4]]);
    batches[1].release();
    await expect(later).resolves.toEqual(['q:2', 'q:3', 'q:4']);
  });

  it('splits a queue longer than maxBatch and runs up to maxInFlight flushes at once', async () => {
    const { batches, flush } = recordingFlush();
    const batcher = new KeyedBatcher(flush, { maxBatch: 2, maxInFlight: 2 });
    const answers = Promise.all([1, 2, 3, 4, 5].map((input) => batcher.add('q', input)));
    await turn();
    expect(batches.map((batch) => batch.inputs)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    batches[0].release();
    await turn();
    await turn();
    expect(batches.map((batch) => batch.inputs)).toEqual([[1, 2], [3, 4], [5]]);
    batches[1].release();
    batches[2].release();
    await expect(answers).resolves.toEqual(['q:1', 'q:2', 'q:3', 'q:4', 'q:5']);
    expect(batcher.activeKeys).toBe(0);
  });

  it('retries a failed batch one input at a time, so only the bad input fails', async () => {
    const batches: number[][] = [];
    const batcher = new KeyedBatcher<number, string>(
      async (_key, inputs) => {
        batches.push(inputs);
        if (inputs.includes(2)) throw new Error('input 2 is bad');
        return inputs.map(String);
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const answers = [1, 2, 3].map((input) => batcher.add('q', input));
    const settled = await Promise.allSettled(answers);
    expect(
      settled.map((result) => (result.status === 'fulfilled' ? result.value : result.reason.message)),
    ).toEqual(['1', 'input 2 is bad', '3']);
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('fails the calls of a flush that answers a different number of outputs than inputs', async () => {
    const batcher = new KeyedBatcher<number, string>(async () => [], { maxBatch: 10, maxInFlight: 1 });
    const settled = await Promise.allSettled([batcher.add('q', 1), batcher.add('q', 2)]);
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((settled[0] as PromiseRejectedResult).reason.message).toMatch(/answered 0 outputs for 1 inputs/);
  });

  it('needs positive limits', () => {
    expect(() => new KeyedBatcher(async () => [], { maxBatch: 0, maxInFlight: 1 })).toThrow(RangeError);
    expect(() => new KeyedBatcher(async () => [], { maxBatch: 1, maxInFlight: 0 })).toThrow(RangeError);
  });
});
