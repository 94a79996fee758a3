import {
  formatVietnamDay,
  fromVietnamLocalInput,
  toVietnamLocalInput,
  vietnamDateKey,
  vietnamDayEnd,
  vietnamDayStart,
} from './classes-time';

describe('Vietnam time helpers', () => {
  it('reads a datetime-local value as Vietnam time and sends UTC', () => {
    expect(fromVietnamLocalInput('2026-03-10T08:00')).toBe('2026-03-10T01:00:00.000Z');
    expect(fromVietnamLocalInput('2026-03-10T03:30')).toBe('2026-03-09T20:30:00.000Z');
  });

  it('refuses an empty or malformed value', () => {
    expect(fromVietnamLocalInput('')).toBeNull();
    expect(fromVietnamLocalInput('10/03/2026 08:00')).toBeNull();
  });

  it('fills a datetime-local input with the Vietnam wall clock', () => {
    expect(toVietnamLocalInput('2026-03-09T20:30:00.000Z')).toBe('2026-03-10T03:30');
    expect(fromVietnamLocalInput(toVietnamLocalInput('2026-06-01T02:15:00.000Z'))).toBe(
      '2026-06-01T02:15:00.000Z',
    );
  });

  it('names the Vietnam day of an instant', () => {
    expect(vietnamDateKey('2026-03-09T16:59:59Z')).toBe('2026-03-09');
    expect(vietnamDateKey('2026-03-09T17:00:00Z')).toBe('2026-03-10');
  });

  it('spans an enrollment window over whole Vietnam days', () => {
    expect(vietnamDayStart('2026-03-10')).toBe('2026-03-09T17:00:00.000Z');
    expect(vietnamDayEnd('2026-03-20')).toBe('2026-03-20T16:59:59.999Z');
    expect(vietnamDayStart('')).toBeNull();
    expect(vietnamDayEnd('')).toBeNull();
  });

  it('prints calendar days as they are and instants on their Vietnam day', () => {
    expect(formatVietnamDay('2026-03-10')).toBe('10/03/2026');
    expect(formatVietnamDay('2026-03-09T17:00:00Z')).toBe('10/03/2026');
    expect(formatVietnamDay(null)).toBeNull();
  });
});
