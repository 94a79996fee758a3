import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
export const RESULTS_DIR = join(WORKSPACE_ROOT, 'test-results');
export const SCREENS_DIR = join(RESULTS_DIR, 'screens');
export const API_MAIN = join(WORKSPACE_ROOT, 'dist', 'apps', 'api', 'main.js');
/** Set by globalSetup for the test files. */
export const BASE_URL_ENV = 'E2E_WEB_BASE_URL';
