import { TranslationBundle } from './translations';

const vi = {
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

const en: typeof vi = {
  common: {
    appName: 'ThucHoc',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Try again',
    loading: 'Loading…',
    none: '—',
    yes: 'Yes',
    no: 'No',
  },
  duration: {
    seconds: '{{count}} s',
    minutes: '{{count}} min',
    aWhile: 'a few minutes',
  },
  paginator: {
    itemsPerPage: 'Rows per page',
    next: 'Next page',
    previous: 'Previous page',
    first: 'First page',
    last: 'Last page',
    range: '{{start}}–{{end}} of {{length}}',
    empty: '0 of 0',
  },
  problems: {
    auth: {
      'invalid-credentials': 'Wrong username or password.',
      'too-many-attempts': 'Too many failed sign-in attempts. Please try again in {{wait}}.',
      unauthenticated: 'Your session has expired. Please sign in again.',
      forbidden: 'You are not allowed to do this.',
    },
    request: {
      invalid: 'Some data is not valid. Please check the highlighted fields.',
      'too-many': 'Too many requests. Please try again in {{wait}}.',
      'too-large': 'The data sent is too large.',
      'malformed-body': 'The data sent could not be read. Please reload the page and try again.',
      'method-not-allowed': 'This action is not supported.',
      'unsupported-media-type': 'The format of the data sent is not supported.',
    },
    resource: {
      'not-found': 'The requested item was not found.',
      conflict: 'The data has changed or already exists. Please reload and try again.',
    },
    service: {
      unavailable: 'The service is temporarily unavailable. Please try again later.',
    },
    server: {
      error: 'Something went wrong on the server. Please try again later.',
    },
    network: 'Cannot reach the server. Please check your connection and try again.',
    unknown: 'Something went wrong (code {{status}}).',
  },
};

export const coreTranslations: TranslationBundle = { vi, en };
