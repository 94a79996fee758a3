/**
 * An event written to the outbox in the same transaction as the change it
 * describes, then relayed to a queue. Its id doubles as the job id, so a
 * relay that runs twice enqueues it once and a processor can dedupe on it.
 */
export interface DomainEvent<TPayload = Record<string, unknown>> {
  id: string;
  type: string;
  /** The queue that carries this event's jobs. */
  queue: string;
  payload: TPayload;
  occurredAt: string;
}
