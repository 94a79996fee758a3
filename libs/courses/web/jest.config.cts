module.exports = {
  displayName: 'courses-web',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/courses/web',
};
