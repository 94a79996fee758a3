import { ImportRowError } from '@thuchoc/classes/contracts';

/** What the error report says about each kind of bad row. */
export const ROW_ERROR_MESSAGES: Record<ImportRowError, string> = {
  [ImportRowError.MissingIdentifier]: 'Thiếu tên đăng nhập và email.',
  [ImportRowError.InvalidEmail]: 'Email không hợp lệ.',
  [ImportRowError.InvalidUsername]: 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch (3–64 ký tự).',
  [ImportRowError.MissingFullName]: 'Thiếu họ và tên.',
  [ImportRowError.UnknownUnit]: 'Mã đơn vị không tồn tại.',
  [ImportRowError.UnitOutsideTarget]: 'Đơn vị của học viên không thuộc đơn vị đối tượng của lớp.',
  [ImportRowError.InvalidPhone]: 'Số điện thoại không hợp lệ.',
  [ImportRowError.DuplicateInFile]: 'Trùng với một dòng phía trên trong tệp.',
  [ImportRowError.UserInactive]: 'Tài khoản đã bị khóa.',
  [ImportRowError.IdentifierConflict]: 'Email đã thuộc về một tài khoản khác.',
  [ImportRowError.NotALearner]: 'Tài khoản này không phải học viên.',
};
