import { OrgUnitKind, Role } from '@thuchoc/identity/contracts';

/** The demo province's password, printed at start-up; never used outside the demo data set. */
export const DEMO_PASSWORD = 'ThucHoc@2026';

export interface DemoUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent?: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'DNI', name: 'Tỉnh Đồng Nai', kind: OrgUnitKind.Province },
  { code: 'DNI-DX', name: 'Phường Đồng Xoài', kind: OrgUnitKind.Ward, parent: 'DNI' },
  { code: 'DNI-BP', name: 'Phường Bình Phước', kind: OrgUnitKind.Ward, parent: 'DNI' },
  { code: 'DNI-LN', name: 'Xã Lộc Ninh', kind: OrgUnitKind.Commune, parent: 'DNI' },
  { code: 'DNI-BD', name: 'Xã Bù Đăng', kind: OrgUnitKind.Commune, parent: 'DNI' },
  {
    code: 'DNI-DUCQ',
    name: 'Đảng ủy các cơ quan Đảng tỉnh',
    kind: OrgUnitKind.PartyCommittee,
    parent: 'DNI',
  },
  {
    code: 'DNI-TCT',
    name: 'Trường Chính trị tỉnh Đồng Nai',
    kind: OrgUnitKind.PoliticalCentre,
    parent: 'DNI',
  },
  { code: 'DNI-BTG', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', kind: OrgUnitKind.Agency, parent: 'DNI' },
];

export interface DemoUser {
  username: string;
  fullName: string;
  unit: string;
  scope?: string;
  position: string;
  roles: Role[];
  isPartyMember: boolean;
}

const STAFF: DemoUser[] = [
  {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    unit: 'DNI',
    position: 'Quản trị viên',
    roles: [Role.Admin],
    isPartyMember: true,
  },
  {
    username: 'canbo.trungtam',
    fullName: 'Trần Thị Thu Hà',
    unit: 'DNI-TCT',
    scope: 'DNI',
    position: 'Chuyên viên Phòng Quản lý đào tạo',
    roles: [Role.CentreStaff],
    isPartyMember: true,
  },
  {
    // Staff of the province above the centre: approves classes opened below their minimum size.
    username: 'canbo.tinh',
    fullName: 'Đỗ Quang Vinh',
    unit: 'DNI',
    position: 'Trưởng phòng Đào tạo, bồi dưỡng cán bộ',
    roles: [Role.CentreStaff],
    isPartyMember: true,
  },
  {
    username: 'kiemtra.btg',
    fullName: 'Lê Văn Kiên',
    unit: 'DNI-BTG',
    scope: 'DNI',
    position: 'Chuyên viên Ban Tuyên giáo và Dân vận',
    roles: [Role.Auditor],
    isPartyMember: true,
  },
  {
    username: 'giangvien1',
    fullName: 'Phạm Minh Đức',
    unit: 'DNI-TCT',
    position: 'Giảng viên chính',
    roles: [Role.Lecturer],
    isPartyMember: true,
  },
  {
    username: 'giangvien2',
    fullName: 'Hoàng Thị Lan',
    unit: 'DNI-TCT',
    position: 'Báo cáo viên',
    roles: [Role.Lecturer],
    isPartyMember: true,
  },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hùng',
  'Hương',
  'Khánh',
  'Linh',
  'Mai',
  'Nam',
  'Oanh',
  'Phúc',
  'Quân',
  'Sơn',
];
const LEARNER_UNITS = ['DNI-DX', 'DNI-BP', 'DNI-LN', 'DNI-BD', 'DNI-DUCQ'];
const POSITIONS = [
  'Đảng viên mới',
  'Bí thư chi bộ',
  'Cán bộ nguồn',
  'Công chức văn phòng',
  'Phó Chủ tịch UBND',
];

const LEARNERS: DemoUser[] = Array.from({ length: 30 }, (_, i) => ({
  username: `hocvien${String(i + 1).padStart(2, '0')}`,
  fullName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`,
  unit: LEARNER_UNITS[i % LEARNER_UNITS.length],
  position: POSITIONS[i % POSITIONS.length],
  roles: [Role.Learner],
  isPartyMember: i % POSITIONS.length !== 0,
}));

export const DEMO_USERS: DemoUser[] = [...STAFF, ...LEARNERS];

export const DEMO_LOGINS_BANNER = [
  `Demo province ready. Sign in with any of these (password ${DEMO_PASSWORD}):`,
  '  admin                    quản trị',
  '  canbo.trungtam           cán bộ quản lý đào tạo (trường chính trị)',
  '  canbo.tinh               cán bộ cấp tỉnh (phê duyệt mở lớp)',
  '  kiemtra.btg              Ban Tuyên giáo (kiểm tra)',
  '  giangvien1, giangvien2   giảng viên',
  '  hocvien01 … hocvien30    học viên',
].join('\n');
