export const vi = {
  common: {
    appName: 'ThucHoc',
    save: 'Lưu',
    cancel: 'Huỷ',
    close: 'Đóng',
    retry: 'Thử lại',
    loading: 'Đang tải…',
    none: '—',
    yes: 'Có',
    no: 'Không',
  },
  duration: {
    seconds: '{{count}} giây',
    minutes: '{{count}} phút',
    aWhile: 'ít phút',
  },
  paginator: {
    itemsPerPage: 'Số dòng mỗi trang',
    next: 'Trang sau',
    previous: 'Trang trước',
    first: 'Trang đầu',
    last: 'Trang cuối',
    range: '{{start}}–{{end}} trong {{length}}',
    empty: '0 trong 0',
  },
  problems: {
    auth: {
      'invalid-credentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
      'too-many-attempts': 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {{wait}}.',
      unauthenticated: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
      forbidden: 'Bạn không có quyền thực hiện thao tác này.',
    },
    request: {
      invalid: 'Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
      'too-many': 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {{wait}}.',
      'too-large': 'Dữ liệu gửi lên quá lớn.',
      'malformed-body': 'Dữ liệu gửi lên không đọc được. Vui lòng tải lại trang và thử lại.',
      'method-not-allowed': 'Thao tác này không được hỗ trợ.',
      'unsupported-media-type': 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
    },
    resource: {
      'not-found': 'Không tìm thấy dữ liệu yêu cầu.',
      conflict: 'Dữ liệu đã thay đổi hoặc bị trùng. Vui lòng tải lại và thử lại.',
    },
    service: {
      unavailable: 'Hệ thống đang tạm thời gián đoạn. Vui lòng thử lại sau.',
    },
    server: {
      error: 'Đã có lỗi ở máy chủ. Vui lòng thử lại sau.',
    },
    network: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    unknown: 'Đã có lỗi xảy ra (mã {{status}}).',
  },
};
