import {
  AttendanceCell,
  AttendanceGrid,
  AttendanceGridRow,
  AttendanceStatus,
} from '@thuchoc/attendance/contracts';

/** A cell's status for display: `none` until the session is finalised or marked. */
export type CellStatus = AttendanceStatus | 'none';

/** The statuses that count as having attended a session. */
export const ATTENDED_STATUSES: readonly AttendanceStatus[] = [
  AttendanceStatus.Present,
  AttendanceStatus.Late,
  AttendanceStatus.Partial,
];

/** Every status a cell can show, in the order the legend lists them. */
export const CELL_STATUSES: readonly CellStatus[] = [
  AttendanceStatus.Present,
  AttendanceStatus.Late,
  AttendanceStatus.Partial,
  AttendanceStatus.Absent,
  AttendanceStatus.Excused,
  'none',
];

/** A learner's row with one cell per session, in the grid's session order (null: no record). */
export interface GridRowView {
  row: AttendanceGridRow;
  cells: (AttendanceCell | null)[];
}

/** How many learners attended one session, out of those with a status. */
export interface SessionTotal {
  attended: number;
  marked: number;
}

export function cellStatus(cell: Pick<AttendanceCell, 'status'> | null): CellStatus {
  return cell?.status ?? 'none';
}

/** The test id of a grid cell: the learner's username and the session's position (0-based). */
export function cellTestId(username: string, sessionIndex: number): string {
  return `cell-${username}-${sessionIndex}`;
}

/** Lines each row's cells up with the grid's sessions, whatever order the server sent them in. */
export function alignRows(grid: AttendanceGrid): GridRowView[] {
  return grid.rows.map((row) => {
    const bySession = new Map(row.cells.map((cell) => [cell.sessionId, cell]));
    return { row, cells: grid.sessions.map((session) => bySession.get(session.id) ?? null) };
  });
}

export function sessionTotals(grid: AttendanceGrid): SessionTotal[] {
  const rows = alignRows(grid);
  return grid.sessions.map((_, index) => {
    const statuses = rows.map((view) => view.cells[index]?.status ?? null).filter((s) => s !== null);
    return {
      attended: statuses.filter((status) => ATTENDED_STATUSES.includes(status)).length,
      marked: statuses.length,
    };
  });
}

/** Whole minutes of verified presence. */
export function presenceMinutes(seconds: number): number {
  return Math.floor(seconds / 60);
}

/** A percentage rounded to a whole number, or null when there is none yet. */
export function roundPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
