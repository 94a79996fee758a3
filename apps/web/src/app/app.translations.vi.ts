export const vi = {
  shell: {
    menu: 'Mở menu điều hướng',
    navigation: 'Điều hướng chính',
    logout: 'Đăng xuất',
  },
  home: {
    links: 'Công việc',
  },
};
