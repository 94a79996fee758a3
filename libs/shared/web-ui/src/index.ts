export * from './lib/language-switch';
export * from './lib/error-alert';
export * from './lib/icons';
export * from './lib/ui.translations';
export * from './lib/field-error.pipe';
export * from './lib/confirm-dialog';
export * from './lib/reason-dialog';
