import { NotificationKind } from '@thuchoc/notifications/contracts';

interface KindText {
  title: string;
  body: string;
}

/** Every kind the API sends, plus `other` for a kind newer than this build. */
type KindTexts = Record<NotificationKind | 'other', KindText>;

const viKinds = {
  welcome: {
    title: 'Chào mừng bạn đến với ThucHoc',
    body: 'Tài khoản của bạn đã được tạo. Hãy đổi mật khẩu ban đầu trong mục “Tài khoản của tôi”.',
  },
  'password-changed': {
    title: 'Mật khẩu đã được thay đổi',
    body: 'Mật khẩu tài khoản của bạn vừa được đổi. Nếu không phải bạn thực hiện, hãy báo ngay cho quản trị viên.',
  },
  'sessions-revoked': {
    title: 'Các phiên đăng nhập đã bị thu hồi',
    body: 'Hệ thống phát hiện một phiên đăng nhập cũ bị dùng lại nên đã đăng xuất tài khoản trên mọi thiết bị. Hãy đăng nhập lại và đổi mật khẩu nếu cần.',
  },
  'class-enrolled': {
    title: 'Bạn đã được ghi danh vào lớp',
    body: 'Bạn đã được ghi danh vào lớp “{{classTitle}}”. Xem lịch học và bài học trong mục “Lớp của tôi”.',
  },
  'class-request-approved': {
    title: 'Đăng ký tham gia lớp đã được duyệt',
    body: 'Yêu cầu tham gia lớp “{{classTitle}}” của bạn đã được chấp thuận.',
  },
  'class-promoted': {
    title: 'Bạn đã có chỗ trong lớp',
    body: 'Một học viên đã rút khỏi lớp “{{classTitle}}” nên bạn được chuyển từ danh sách chờ vào lớp.',
  },
  'absence-near': {
    title: 'Sắp vượt số buổi vắng cho phép',
    body: 'Học viên {{learnerName}} đã vắng {{absences}}/{{allowed}} buổi được phép của lớp “{{classTitle}}”; vắng thêm một buổi sẽ không đủ điều kiện hoàn thành.',
  },
  'absence-crossed': {
    title: 'Đã vượt số buổi vắng cho phép',
    body: 'Học viên {{learnerName}} đã vắng {{absences}} buổi, vượt quá {{allowed}} buổi được phép của lớp “{{classTitle}}”, nên không đủ điều kiện hoàn thành lớp học.',
  },
  other: {
    title: 'Thông báo',
    body: 'Bạn có một thông báo mới.',
  },
} satisfies KindTexts;

export const vi = {
  notifications: {
    title: 'Thông báo',
    unread: '{{count}} thông báo chưa đọc',
    unreadLabel: 'Chưa đọc:',
    empty: 'Bạn chưa có thông báo nào.',
    markRead: 'Đánh dấu đã đọc',
    kinds: viKinds,
  },
  problems: {
    notification: {
      'not-found': 'Không tìm thấy thông báo này.',
    },
  },
};
