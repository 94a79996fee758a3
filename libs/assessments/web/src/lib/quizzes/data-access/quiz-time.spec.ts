import { defaultWindow, fromVietnamLocalInput, toVietnamLocalInput } from './quiz-time';

describe('quiz time', () => {
  it('shows an instant as the Vietnam wall clock in a datetime-local input', () => {
    expect(toVietnamLocalInput('2026-03-01T17:30:00.000Z')).toBe('2026-03-02T00:30');
  });

  it('reads a datetime-local value as Vietnam time and sends it as UTC', () => {
    expect(fromVietnamLocalInput('2026-03-02T00:30')).toBe('2026-03-01T17:30:00.000Z');
    expect(fromVietnamLocalInput('2026-03-02T08:00:15')).toBe('2026-03-02T01:00:15.000Z');
  });

  it('gives null for an empty or malformed value', () => {
    expect(fromVietnamLocalInput('')).toBeNull();
    expect(fromVietnamLocalInput('02/03/2026 08:00')).toBeNull();
    expect(fromVietnamLocalInput('2026-03-02')).toBeNull();
  });

  it('round-trips what it shows', () => {
    const instant = '2026-12-31T23:15:00.000Z';
    expect(fromVietnamLocalInput(toVietnamLocalInput(instant))).toBe(instant);
  });

  it('opens a new quiz at the next full hour, for a week', () => {
    expect(defaultWindow(new Date('2026-03-02T01:20:00Z'))).toEqual({
      opensAt: '2026-03-02T02:00:00.000Z',
      closesAt: '2026-03-09T02:00:00.000Z',
    });
  });
});
