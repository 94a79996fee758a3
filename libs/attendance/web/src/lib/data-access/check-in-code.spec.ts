import { makeCode } from '../testing/attendance-factories';
import { CHECK_IN_CODE_PATTERN, MIN_CODE_REFRESH_MS, codeRefreshDelayMs, qrImageUrl } from './check-in-code';

const NOW = Date.parse('2026-03-02T01:00:10Z');

describe('codeRefreshDelayMs', () => {
  it('fetches the next code when the shown one rotates', () => {
    expect(codeRefreshDelayMs(makeCode({ rotatesAt: '2026-03-02T01:00:30Z' }), NOW)).toBe(20_000);
  });

  it('waits at least a moment when the browser clock is ahead of the server', () => {
    expect(codeRefreshDelayMs(makeCode({ rotatesAt: '2026-03-02T00:59:00Z' }), NOW)).toBe(
      MIN_CODE_REFRESH_MS,
    );
  });

  it('waits at most one step when the browser clock is behind the server', () => {
    expect(codeRefreshDelayMs(makeCode({ rotatesAt: '2026-03-02T01:05:00Z', stepSeconds: 30 }), NOW)).toBe(
      30_000,
    );
  });
});

describe('qrImageUrl', () => {
  it('turns the SVG document into an encoded image URL', () => {
    const url = qrImageUrl('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1H0z"/></svg>');

    expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
    expect(url).not.toMatch(/[<>"#\s]/);
  });
});

describe('CHECK_IN_CODE_PATTERN', () => {
  it('accepts exactly six digits', () => {
    expect(['482913', '000000'].every((code) => CHECK_IN_CODE_PATTERN.test(code))).toBe(true);
    expect(['48291', '4829133', '48291a', ' 482913'].some((code) => CHECK_IN_CODE_PATTERN.test(code))).toBe(
      false,
    );
  });
});
