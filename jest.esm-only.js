/**
 * Packages published only as ES modules, which Jest's CommonJS runtime cannot
 * load as they are: ts-jest compiles them to CommonJS (otplib → @scure/base,
 * @noble/hashes). Spread into a Jest config next to its own `transform`.
 */
const ESM_ONLY_PACKAGES = ['@scure/base', '@noble/hashes'];
const names = ESM_ONLY_PACKAGES.join('|');

module.exports = {
  transform: {
    [`node_modules/(${names})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, isolatedModules: true },
    ],
  },
  // Also when nested: otplib's plugins carry their own copy of @noble/hashes.
  transformIgnorePatterns: [`/node_modules/(?!.*/node_modules/(${names})/)(?!(${names})/)`],
};
