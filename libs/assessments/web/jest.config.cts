module.exports = {
  displayName: 'assessments-web',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/assessments/web',
};
