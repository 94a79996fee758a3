module.exports = {
  displayName: 'classes-web',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/classes/web',
};
