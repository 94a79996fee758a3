import { AttendanceStatus } from '@thuchoc/attendance/contracts';
import { makeCell, makeGrid, makeGridRow } from '../testing/attendance-factories';
import {
  alignRows,
  cellStatus,
  cellTestId,
  presenceMinutes,
  roundPercent,
  sessionTotals,
} from './attendance-grid';

describe('alignRows', () => {
  it('puts each cell under its session and leaves the sessions without a record empty', () => {
    const [first, second] = alignRows(makeGrid());

    expect(first.cells.map((cell) => cell?.sessionId ?? null)).toEqual(['s1', 's2', null]);
    // The server sent this row's cells in another order.
    expect(second.cells.map((cell) => cell?.status ?? null)).toEqual([
      AttendanceStatus.Absent,
      AttendanceStatus.Excused,
      null,
    ]);
  });
});

describe('sessionTotals', () => {
  it('counts present, late and partial as attended, out of the learners with a status', () => {
    const grid = makeGrid({
      rows: [
        ...makeGrid().rows,
        makeGridRow({
          userId: 'u3',
          username: 'hocvien03',
          cells: [
            makeCell({ status: AttendanceStatus.Partial }),
            makeCell({ sessionId: 's2', status: null }),
          ],
        }),
      ],
    });

    expect(sessionTotals(grid)).toEqual([
      { attended: 2, marked: 3 },
      { attended: 1, marked: 2 },
      { attended: 0, marked: 0 },
    ]);
  });
});

describe('grid cell formatting', () => {
  it('shows "none" for a cell without a status', () => {
    expect(cellStatus(null)).toBe('none');
    expect(cellStatus(makeCell({ status: null }))).toBe('none');
    expect(cellStatus(makeCell({ status: AttendanceStatus.Late }))).toBe('late');
  });

  it('names a cell by username and 0-based session position', () => {
    expect(cellTestId('hocvien01', 0)).toBe('cell-hocvien01-0');
  });

  it('counts whole minutes of presence and rounds percentages', () => {
    expect(presenceMinutes(0)).toBe(0);
    expect(presenceMinutes(119)).toBe(1);
    expect(presenceMinutes(5400)).toBe(90);
    expect(roundPercent(66.6667)).toBe(67);
    expect(roundPercent(null)).toBeNull();
  });
});
