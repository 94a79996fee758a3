/**
 * Who opens an attendance page, from the route's data (it reaches the page as
 * an input): centre `staff` may do everything, a `lecturer` marks and decides
 * for their own classes, an `auditor` only reads.
 */
export type AttendanceAccess = 'staff' | 'lecturer' | 'auditor';
