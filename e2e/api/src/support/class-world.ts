import { ClassResponse, CreateClassRequest } from '@thuchoc/classes/contracts';
import { CourseAudience, CourseResponse } from '@thuchoc/courses/contracts';
import { OrgUnitKind, Role, TokenPair } from '@thuchoc/identity/contracts';
import { bearer, login, makeUnit, makeUser, TestApp, unique } from './test-app';

/**
 * A province with a political centre and two communes: centre staff (unit:
 * the centre, scope: the province), province staff above them, an auditor,
 * two lecturers, and learners in each commune.
 */
export interface ClassWorld {
  provinceId: string;
  centreId: string;
  communeA: string;
  communeB: string;
  /** A province elsewhere, for scope checks. */
  otherProvinceId: string;
  staff: TokenPair;
  staffId: string;
  parentStaff: TokenPair;
  auditor: TokenPair;
  outsider: TokenPair;
  lecturerIds: string[];
  lecturers: TokenPair[];
}

export async function makeClassWorld(t: TestApp): Promise<ClassWorld> {
  const provinceId = (await makeUnit(t, { kind: OrgUnitKind.Province, name: 'Tỉnh Thử' })).id;
  const centreId = (
    await makeUnit(t, { parentId: provinceId, kind: OrgUnitKind.PoliticalCentre, name: 'Trường Chính trị' })
  ).id;
  const communeA = (await makeUnit(t, { parentId: provinceId, name: 'Xã An Phú' })).id;
  const communeB = (await makeUnit(t, { parentId: provinceId, name: 'Xã Bình Minh' })).id;
  const otherProvinceId = (await makeUnit(t, { kind: OrgUnitKind.Province, name: 'Tỉnh Khác' })).id;
  const staffUser = await makeUser(t, {
    orgUnitId: centreId,
    scopeUnitId: provinceId,
    roles: [Role.CentreStaff],
  });
  const parentUser = await makeUser(t, { orgUnitId: provinceId, roles: [Role.CentreStaff] });
  const auditorUser = await makeUser(t, { orgUnitId: provinceId, roles: [Role.Auditor] });
  const outsiderUser = await makeUser(t, { orgUnitId: otherProvinceId, roles: [Role.CentreStaff] });
  const lecturerUsers = [
    await makeUser(t, { orgUnitId: centreId, roles: [Role.Lecturer], fullName: 'Phạm Minh Đức' }),
    await makeUser(t, { orgUnitId: centreId, roles: [Role.Lecturer], fullName: 'Hoàng Thị Lan' }),
  ];
  return {
    provinceId,
    centreId,
    communeA,
    communeB,
    otherProvinceId,
    staff: await login(t, staffUser.username),
    staffId: staffUser.id,
    parentStaff: await login(t, parentUser.username),
    auditor: await login(t, auditorUser.username),
    outsider: await login(t, outsiderUser.username),
    lecturerIds: lecturerUsers.map((user) => user.id),
    lecturers: [await login(t, lecturerUsers[0].username), await login(t, lecturerUsers[1].username)],
  };
}

export async function makeCourse(t: TestApp, w: ClassWorld): Promise<CourseResponse> {
  const response = await t
    .http()
    .post('/api/v1/courses')
    .set(bearer(w.staff))
    .send({
      code: unique('KH'),
      title: 'Bồi dưỡng lý luận chính trị cho đảng viên mới',
      audience: CourseAudience.NewPartyMembers,
      requiredHours: 40,
    })
    .expect(201);
  return response.body as CourseResponse;
}

export async function makeClass(
  t: TestApp,
  w: ClassWorld,
  overrides: Partial<CreateClassRequest> = {},
): Promise<ClassResponse> {
  const courseId = overrides.courseId ?? (await makeCourse(t, w)).id;
  const response = await t
    .http()
    .post('/api/v1/classes')
    .set(bearer(w.staff))
    .send({
      courseId,
      code: unique('LOP'),
      title: 'Lớp đảng viên mới – đợt 1',
      targetUnitId: w.communeA,
      capacity: 30,
      minSize: 0,
      lecturerIds: w.lecturerIds,
      ...overrides,
    })
    .expect(201);
  return response.body as ClassResponse;
}

/** A learner in the unit, with their sign-in. */
export async function makeLearner(t: TestApp, unitId: string, fullName = 'Nguyễn Văn An') {
  const user = await makeUser(t, { orgUnitId: unitId, roles: [Role.Learner], fullName });
  return { user, tokens: await login(t, user.username) };
}
