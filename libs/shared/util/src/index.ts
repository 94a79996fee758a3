export * from './lib/vietnamese-text';
export * from './lib/spreadsheet-safety';
