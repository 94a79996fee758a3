const nxPreset = require('@nx/jest/preset').default;
const esmOnly = require('./jest.esm-only');

module.exports = { ...nxPreset, ...esmOnly };
