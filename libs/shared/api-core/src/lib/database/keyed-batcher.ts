export interface KeyedBatcherOptions {
  /** The most inputs one flush carries. */
  maxBatch: number;
  /** The most flushes of one key running at once; what arrives meanwhile waits and leaves together. */
  maxInFlight: number;
}

/** Answers the inputs of one flush, in their order (one output per input). */
export type BatchFlush<I, O> = (key: string, inputs: I[]) => Promise<O[]>;

interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

interface Group<I, O> {
  queue: Pending<I, O>[];
  inFlight: number;
  isScheduled: boolean;
}

/**
 * Gathers calls that share a key into one flush (one SQL statement for many
 * rows instead of a statement per row). Batching is natural: a call leaves on
 * the next turn of the event loop with whatever arrived in the same turn, so
 * a lone call waits for nothing; when `maxInFlight` flushes of its key are
 * running, calls queue and the next flush takes them all (up to `maxBatch`).
 * Under a storm the batches grow by themselves; at rest they are of one.
 *
 * A flush that fails with several inputs is retried one input at a time, so
 * one bad input fails alone and the others get their own answers.
 */
export class KeyedBatcher<I, O> {
  private readonly groups = new Map<string, Group<I, O>>();

  constructor(
    private readonly flush: BatchFlush<I, O>,
    private readonly options: KeyedBatcherOptions,
  ) {
    if (options.maxBatch < 1 || options.maxInFlight < 1)
      throw new RangeError('A batcher needs maxBatch and maxInFlight of at least 1.');
  }

  add(key: string, input: I): Promise<O> {
    let group = this.groups.get(key);
    if (!group) {
      group = { queue: [], inFlight: 0, isScheduled: false };
      this.groups.set(key, group);
    }
    const joined = group;
    return new Promise<O>((resolve, reject) => {
      joined.queue.push({ input, resolve, reject });
      this.schedule(key, joined);
    });
  }

  /** Keys with calls queued or flushing (for tests and diagnostics). */
  get activeKeys(): number {
    return this.groups.size;
  }

  private schedule(key: string, group: Group<I, O>): void {
    if (group.isScheduled || group.inFlight >= this.options.maxInFlight || group.queue.length === 0) return;
    group.isScheduled = true;
    setImmediate(() => {
      group.isScheduled = false;
      this.send(key, group);
    });
  }

  private send(key: string, group: Group<I, O>): void {
    while (group.inFlight < this.options.maxInFlight && group.queue.length > 0) {
      const batch = group.queue.splice(0, this.options.maxBatch);
      group.inFlight++;
      void this.settle(key, batch).finally(() => {
        group.inFlight--;
        if (group.inFlight === 0 && group.queue.length === 0) this.groups.delete(key);
        else this.schedule(key, group);
      });
    }
  }

  private async settle(key: string, batch: Pending<I, O>[]): Promise<void> {
    try {
      const outputs = await this.run(key, batch);
      batch.forEach((pending, index) => pending.resolve(outputs[index]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.settle(key, [pending])));
    }
  }

  private async run(key: string, batch: Pending<I, O>[]): Promise<O[]> {
    const outputs = await this.flush(
      key,
      batch.map((pending) => pending.input),
    );
    if (outputs.length !== batch.length)
      throw new Error(`A batch flush answered ${outputs.length} outputs for ${batch.length} inputs.`);
    return outputs;
  }
}
