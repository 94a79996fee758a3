// Maps the workspace's @thuchoc/* aliases (tsconfig.base.json) for Jest.
const { compilerOptions } = require('../../tsconfig.base.json');
const path = require('node:path');

module.exports = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/]/g, '\\/')}$`,
    path.join(__dirname, '../..', target),
  ]),
);
