import { LiveSessionEvent, SessionStatus } from '@thuchoc/attendance/contracts';

/**
 * Reads a `text/event-stream` body chunk by chunk (WHATWG server-sent events):
 * lines end with LF, CR LF or CR; `data:` lines of one event are joined with
 * LF; a blank line ends the event; comments (`:keep-alive`) and other fields
 * are skipped. A line split across two chunks is kept until it is complete.
 */
export class EventStreamParser {
  private buffer = '';
  private data: string[] = [];

  /** Feeds one decoded chunk; returns the `data` of every event it completed. */
  push(chunk: string): string[] {
    this.buffer += chunk;
    const events: string[] = [];
    let lineEnd = this.nextLineEnd();
    while (lineEnd !== null) {
      const line = this.buffer.slice(0, lineEnd.at);
      this.buffer = this.buffer.slice(lineEnd.at + lineEnd.length);
      const event = this.readLine(line);
      if (event !== null) events.push(event);
      lineEnd = this.nextLineEnd();
    }
    return events;
  }

  private readLine(line: string): string | null {
    if (line === '') {
      const event = this.data.length > 0 ? this.data.join('\n') : null;
      this.data = [];
      return event;
    }
    if (line.startsWith('data')) {
      const colon = line.indexOf(':');
      if (colon === 4) this.data.push(line.slice(5).replace(/^ /, ''));
      else if (line === 'data') this.data.push('');
    }
    return null;
  }

  /** Where the first complete line ends; a CR at the very end may be the first half of CR LF. */
  private nextLineEnd(): { at: number; length: number } | null {
    const match = /\r\n|\r|\n/.exec(this.buffer);
    if (match === null) return null;
    if (match[0] === '\r' && match.index === this.buffer.length - 1) return null;
    return { at: match.index, length: match[0].length };
  }
}

const SESSION_STATUSES: readonly string[] = Object.values(SessionStatus);

/** One event's data as a {@link LiveSessionEvent}, or null for anything this page does not know. */
export function parseLiveEvent(data: string): LiveSessionEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Partial<Record<string, unknown>>;
  if (event['type'] === 'attention-check' && isCheck(event['check'])) {
    return { type: 'attention-check', check: event['check'] };
  }
  if (event['type'] === 'session-status' && SESSION_STATUSES.includes(String(event['status']))) {
    return { type: 'session-status', status: event['status'] as SessionStatus };
  }
  return null;
}

function isCheck(value: unknown): value is Extract<LiveSessionEvent, { type: 'attention-check' }>['check'] {
  if (typeof value !== 'object' || value === null) return false;
  const check = value as Partial<Record<string, unknown>>;
  return (
    typeof check['id'] === 'string' &&
    typeof check['code'] === 'string' &&
    typeof check['expiresAt'] === 'string'
  );
}
