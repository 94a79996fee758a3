import nx from '@nx/eslint-plugin';

/**
 * Module boundaries. A domain depends only on itself, on `shared`, and on the
 * domains before it (identity → notifications → later ones). Types form a
 * strict ladder: apps › feature/api › ui/data-access › util › contracts; a
 * feature never imports another feature. Platforms never cross: a web lib
 * cannot import a server lib, and `platform:any` imports only `platform:any`.
 */
const depConstraints = [
  // scope
  { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity'] },
  {
    sourceTag: 'scope:integrity',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:integrity'],
  },
  {
    sourceTag: 'scope:notifications',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:notifications'],
  },
  {
    sourceTag: 'scope:courses',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:integrity', 'scope:courses'],
  },
  {
    sourceTag: 'scope:classes',
    onlyDependOnLibsWithTags: [
      'scope:shared',
      'scope:identity',
      'scope:integrity',
      'scope:notifications',
      'scope:courses',
      'scope:classes',
    ],
  },
  {
    sourceTag: 'scope:attendance',
    onlyDependOnLibsWithTags: [
      'scope:shared',
      'scope:identity',
      'scope:integrity',
      'scope:notifications',
      'scope:courses',
      'scope:classes',
      'scope:attendance',
    ],
  },
  {
    sourceTag: 'scope:assessments',
    onlyDependOnLibsWithTags: [
      'scope:shared',
      'scope:identity',
      'scope:integrity',
      'scope:notifications',
      'scope:courses',
      'scope:classes',
      'scope:attendance',
      'scope:assessments',
    ],
  },
  // type
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:composition',
      'type:feature',
      'type:api',
      'type:ui',
      'type:data-access',
      'type:util',
      'type:contracts',
    ],
  },
  { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:api', 'type:util', 'type:contracts'] },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:composition', 'type:testing', 'type:api', 'type:util', 'type:contracts'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:api', 'type:util', 'type:contracts', 'type:testing'],
  },
  { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:api', 'type:util', 'type:contracts'] },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:util', 'type:contracts'],
  },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:contracts'] },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:contracts'],
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
  // platform
  { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:any'] },
  { sourceTag: 'platform:server', onlyDependOnLibsWithTags: ['platform:server', 'platform:any'] },
  { sourceTag: 'platform:any', onlyDependOnLibsWithTags: ['platform:any'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/node_modules',
      '**/.angular',
      'tmp',
      'data',
      '**/jest.config.ts',
      '**/jest.config.cts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: false,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints,
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*'], message: 'Import another lib through its @thuchoc/* alias.' }] },
      ],
    },
  },
];
