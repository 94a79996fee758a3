module.exports = {
  displayName: 'shared-web-core',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/shared/web-core',
};
