module.exports = {
  displayName: 'notifications-web',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/notifications/web',
};
