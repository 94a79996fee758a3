import { Injectable, Logger } from '@nestjs/common';
import { ClassStatus, SessionMode } from '@thuchoc/classes/contracts';
import { CourseContentService, CoursesService } from '@thuchoc/courses/api';
import { CourseAudience } from '@thuchoc/courses/contracts';
import { Principal } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { DataSource } from 'typeorm';
import { ClassesService } from '../classes/classes.service';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { SessionsService } from '../sessions/sessions.service';

const DAY_MS = 86_400_000;

const LESSONS: { module: string; lessons: { title: string; body: string; videoUrl?: string }[] }[] = [
  {
    module: 'Học phần 1: Chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh',
    lessons: [
      {
        title: 'Bài 1: Chủ nghĩa Mác – Lênin – nền tảng tư tưởng của Đảng',
        body:
          '<p>Bài học giới thiệu những nội dung cơ bản của <strong>chủ nghĩa Mác – Lênin</strong>: ' +
          'triết học, kinh tế chính trị và chủ nghĩa xã hội khoa học.</p>' +
          '<ul><li>Thế giới quan duy vật biện chứng</li><li>Học thuyết giá trị thặng dư</li>' +
          '<li>Sứ mệnh lịch sử của giai cấp công nhân</li></ul>',
      },
      {
        title: 'Bài 2: Tư tưởng Hồ Chí Minh về Đảng Cộng sản Việt Nam',
        body:
          '<p>Những quan điểm của Chủ tịch Hồ Chí Minh về <em>xây dựng Đảng trong sạch, vững mạnh</em>, ' +
          'về đạo đức cách mạng: cần, kiệm, liêm, chính, chí công vô tư.</p>',
      },
    ],
  },
  {
    module: 'Học phần 2: Liên hệ thực tiễn địa phương',
    lessons: [
      {
        title: 'Bài 3: Nhiệm vụ của đảng viên ở chi bộ cơ sở',
        body:
          '<p>Trách nhiệm của đảng viên trong sinh hoạt chi bộ, thực hiện nghị quyết và ' +
          '<strong>liên hệ với thực tiễn xã, phường</strong> nơi mình công tác.</p>',
      },
    ],
  },
];

/**
 * Gives the embedded demo something to look at: two courses, and a class that
 * is open, with its sessions and fifteen learners. Built through the same
 * services as the API, so its history is on the ledger like any other class.
 */
@Injectable()
export class ClassesDemoSeeder {
  private readonly logger = new Logger(ClassesDemoSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly content: CourseContentService,
    private readonly classes: ClassesService,
    private readonly sessions: SessionsService,
    private readonly enrollments: EnrollmentsService,
  ) {}

  async seed(): Promise<void> {
    const [hasClasses]: unknown[] = await this.dataSource.query('SELECT 1 FROM classes LIMIT 1');
    if (hasClasses) return;
    const ids = await this.ids(['canbo.trungtam', 'giangvien2', 'DNI']);
    const staff: Principal = {
      userId: ids.get('canbo.trungtam') as string,
      roles: [Role.CentreStaff],
      scopeUnitId: ids.get('DNI') as string,
      deviceId: null,
    };
    const course = await this.courses.create(staff, {
      code: 'DVM-01',
      title: 'Bồi dưỡng lý luận chính trị cho đảng viên mới',
      audience: CourseAudience.NewPartyMembers,
      requiredHours: 40,
      description: 'Chương trình bồi dưỡng lý luận chính trị dành cho đảng viên mới kết nạp.',
    });
    const courseId = course.course.id;
    for (const part of LESSONS) {
      const withModule = await this.content.addModule(courseId, { title: part.module });
      const moduleId = withModule.content.modules.at(-1)?.id as string;
      for (const lesson of part.lessons) {
        await this.content.addLesson(courseId, moduleId, { ...lesson, durationMinutes: 90 });
      }
    }
    await this.courses.create(staff, {
      code: 'CD-HCM-01',
      title: 'Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      audience: CourseAudience.Thematic,
      requiredHours: 8,
    });
    const lecturerId = ids.get('giangvien2') as string;
    const klass = await this.classes.create(staff, {
      courseId,
      code: 'DVM-2026-01',
      title: 'Lớp bồi dưỡng đảng viên mới – đợt 1/2026',
      description: 'Lớp học trực tuyến kết hợp trực tiếp tại Trường Chính trị tỉnh.',
      targetUnitId: ids.get('DNI') as string,
      capacity: 40,
      minSize: 10,
      isSelfEnrollmentAllowed: true,
      enrollmentOpensAt: new Date().toISOString(),
      enrollmentClosesAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
      lecturerIds: [lecturerId],
    });
    // Four weekly sessions, 08:00–11:00 Vietnam time, from next week.
    const firstDay = Math.floor(Date.now() / DAY_MS) * DAY_MS + 7 * DAY_MS + 3_600_000;
    for (let week = 0; week < 4; week += 1) {
      const startsAt = new Date(firstDay + week * 7 * DAY_MS);
      await this.sessions.create(klass.id, {
        title: LESSONS.flatMap((part) => part.lessons)[week % 3].title.replace(
          /^Bài \d+: /,
          `Buổi ${week + 1}: `,
        ),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        mode: week === 3 ? SessionMode.InPerson : SessionMode.OnlineLive,
        room: week === 3 ? 'Hội trường A, Trường Chính trị tỉnh' : null,
        meetingUrl: week === 3 ? null : 'https://meet.jit.si/thuchoc-dvm-2026-01',
        lecturerId,
      });
    }
    const learners: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE username BETWEEN 'hocvien11' AND 'hocvien25' ORDER BY username`,
    );
    for (const learner of learners) await this.enrollments.enroll(staff, klass.id, { userId: learner.id });
    await this.classes.transition(staff, klass.id, { to: ClassStatus.Open });
    this.logger.log('demo courses and class seeded');
  }

  private async ids(keys: string[]): Promise<Map<string, string>> {
    const rows: { key: string; id: string }[] = await this.dataSource.query(
      `SELECT username AS key, id FROM users WHERE username = ANY($1)
       UNION ALL SELECT code AS key, id FROM org_units WHERE code = ANY($1)`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, row.id]));
  }
}
