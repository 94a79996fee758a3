import { register } from 'tsconfig-paths';
import { join } from 'node:path';

// Jest's globalSetup runs outside its module mapper: resolve @thuchoc/* here too.
const { compilerOptions } = require('../../../../tsconfig.base.json') as { compilerOptions: { paths: Record<string, string[]> } };
register({ baseUrl: join(__dirname, '../../../..'), paths: compilerOptions.paths });
