module.exports = {
  displayName: 'identity-web',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/identity/web',
};
