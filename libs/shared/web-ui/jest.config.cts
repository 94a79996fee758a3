module.exports = {
  displayName: 'shared-web-ui',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/shared/web-ui',
};
