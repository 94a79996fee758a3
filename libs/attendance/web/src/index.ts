export * from './lib/attendance.routes';
export * from './lib/attendance.translations';
