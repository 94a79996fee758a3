import { ClassResponse, ClassSessionResponse, ClassStatus } from '@thuchoc/classes/contracts';
import { TokenPair } from '@thuchoc/identity/contracts';
import { randomBytes } from 'node:crypto';
import { ClassWorld, makeClass, makeClassWorld } from './class-world';
import { bearer, makeUser, PASSWORD, TestApp, unique } from './test-app';
import { Role } from '@thuchoc/identity/contracts';

export interface AttendanceLearner {
  id: string;
  username: string;
  fullName: string;
  tokens: TokenPair;
  /** The device key this learner's browser registered at sign-in. */
  deviceKey: string;
}

export interface AttendanceWorld extends ClassWorld {
  klass: ClassResponse;
  learners: AttendanceLearner[];
}

export const newDeviceKey = () => randomBytes(24).toString('base64url');

/** Signs in as a browser with its own device key would. */
export async function loginOnDevice(t: TestApp, username: string, deviceKey: string): Promise<TokenPair> {
  const response = await t
    .http()
    .post('/api/v1/auth/login')
    .send({ username, password: PASSWORD, deviceKey })
    .expect(200);
  return response.body as TokenPair;
}

const NAMES = [
  'Nguyễn Thị Hồng',
  'Trần Văn Bình',
  'Lê Thị Cúc',
  'Phạm Quốc Dũng',
  'Võ Thị Én',
  'Đặng Văn Phúc',
];

/** A running class with `learnerCount` enrolled learners, each signed in on their own device. */
export async function makeAttendanceWorld(t: TestApp, learnerCount = 3): Promise<AttendanceWorld> {
  const w = await makeClassWorld(t);
  const klass = await makeClass(t, w);
  const learners: AttendanceLearner[] = [];
  for (let i = 0; i < learnerCount; i++) {
    const fullName = NAMES[i % NAMES.length];
    const user = await makeUser(t, { orgUnitId: w.communeA, roles: [Role.Learner], fullName });
    await t
      .http()
      .post(`/api/v1/classes/${klass.id}/enrollments`)
      .set(bearer(w.staff))
      .send({ userId: user.id })
      .expect(201);
    const deviceKey = newDeviceKey();
    learners.push({
      id: user.id,
      username: user.username,
      fullName,
      deviceKey,
      tokens: await loginOnDevice(t, user.username, deviceKey),
    });
  }
  for (const to of [ClassStatus.Open, ClassStatus.Running]) {
    await t
      .http()
      .post(`/api/v1/classes/${klass.id}/transitions`)
      .set(bearer(w.staff))
      .send({ to })
      .expect(200);
  }
  return { ...w, klass, learners };
}

/** A session of the class starting `startsInMinutes` from now (negative: already started). */
export async function makeSession(
  t: TestApp,
  w: AttendanceWorld,
  options: {
    startsInMinutes?: number;
    minutes?: number;
    mode?: 'online-live' | 'in-person' | 'self-paced';
  } = {},
): Promise<ClassSessionResponse> {
  const start = Date.now() + (options.startsInMinutes ?? 0) * 60_000;
  const response = await t
    .http()
    .post(`/api/v1/classes/${w.klass.id}/sessions`)
    .set(bearer(w.staff))
    .send({
      title: unique('Buổi học'),
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + (options.minutes ?? 120) * 60_000).toISOString(),
      mode: options.mode ?? 'online-live',
      ...(options.mode === 'in-person'
        ? { room: 'Hội trường A' }
        : { meetingUrl: 'https://hop.example.vn/phong-1' }),
    })
    .expect(201);
  return response.body as ClassSessionResponse;
}
