import { Foundation1764057600000 } from './1764057600000-Foundation';
import { IntegrityLedger1764072000000 } from './1764072000000-IntegrityLedger';
import { ActivationAndVerifications1764090000000 } from './1764090000000-ActivationAndVerifications';
import { Courses1764100000000 } from './1764100000000-Courses';
import { Classes1764110000000 } from './1764110000000-Classes';
import { DeviceKeys1764115000000 } from './1764115000000-DeviceKeys';
import { Attendance1764120000000 } from './1764120000000-Attendance';
import { NotificationEmails1764130000000 } from './1764130000000-NotificationEmails';
import { QuestionBank1764140000000 } from './1764140000000-QuestionBank';
import { Quizzes1764150000000 } from './1764150000000-Quizzes';
import { EssayGrading1764160000000 } from './1764160000000-EssayGrading';

/** Every migration, oldest first. A landed migration is never edited; add a new one. */
export const MIGRATIONS = [
  Foundation1764057600000,
  IntegrityLedger1764072000000,
  ActivationAndVerifications1764090000000,
  Courses1764100000000,
  Classes1764110000000,
  DeviceKeys1764115000000,
  Attendance1764120000000,
  NotificationEmails1764130000000,
  QuestionBank1764140000000,
  Quizzes1764150000000,
  EssayGrading1764160000000,
];
