module.exports = {
  displayName: 'attendance-web',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/attendance/web',
};
