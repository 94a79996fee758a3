import { SessionStatus } from '@thuchoc/attendance/contracts';
import { EventStreamParser, parseLiveEvent } from './event-stream';

describe(EventStreamParser.name, () => {
  it('yields the data of each event a blank line ends', () => {
    const parser = new EventStreamParser();

    expect(parser.push('data: {"a":1}\n\ndata: {"b":2}\n\n')).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('keeps a line split across chunks until it is complete', () => {
    const parser = new EventStreamParser();

    expect(parser.push('da')).toEqual([]);
    expect(parser.push('ta: {"type":')).toEqual([]);
    expect(parser.push('"x"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual(['{"type":"x"}']);
  });

  it('reads CR LF and CR line ends, even when CR LF is split between chunks', () => {
    const parser = new EventStreamParser();

    expect(parser.push('data: one\r')).toEqual([]);
    expect(parser.push('\n\r\ndata: two\r\r')).toEqual(['one']);
    // The last CR may be half of a CR LF: the event ends once the next chunk tells.
    expect(parser.push('\n')).toEqual(['two']);
  });

  it('joins the data lines of one event and skips comments and other fields', () => {
    const parser = new EventStreamParser();

    expect(
      parser.push(': keep-alive\n\nevent: message\nid: 7\nretry: 3000\ndata:first\ndata\ndata: third\n\n'),
    ).toEqual(['first\n\nthird']);
  });

  it('ignores an event without data and a field that only starts with "data"', () => {
    const parser = new EventStreamParser();

    expect(parser.push('event: ping\n\ndatum: x\n\n')).toEqual([]);
  });
});

describe('parseLiveEvent', () => {
  const check = { id: 'k1', code: 'X7Q2', expiresAt: '2026-03-02T01:31:00Z' };

  it('reads an attention check and a status change', () => {
    expect(parseLiveEvent(JSON.stringify({ type: 'attention-check', check }))).toEqual({
      type: 'attention-check',
      check,
    });
    expect(parseLiveEvent('{"type":"session-status","status":"closed"}')).toEqual({
      type: 'session-status',
      status: SessionStatus.Closed,
    });
  });

  it.each([
    ['not JSON', 'hello'],
    ['not an object', '42'],
    ['an unknown type', '{"type":"chat","text":"hi"}'],
    ['a check without its code', '{"type":"attention-check","check":{"id":"k1","expiresAt":"x"}}'],
    ['an unknown status', '{"type":"session-status","status":"paused"}'],
  ])('ignores %s', (_, data) => {
    expect(parseLiveEvent(data)).toBeNull();
  });
});
