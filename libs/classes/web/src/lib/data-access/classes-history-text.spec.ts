import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { ClassHistoryEntry, ClassLedgerType, OpeningException } from '@thuchoc/classes/contracts';
import { LanguageStore, provideI18n } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import { classesTranslations } from '../classes.translations';
import { Translate, describeClassHistory, describeHistoryEntry } from './classes-history-text';

function makeEntry(overrides: Partial<ClassHistoryEntry> = {}): ClassHistoryEntry {
  return {
    id: 'e1',
    type: ClassLedgerType.ClassCreated,
    recordedAt: '2026-03-01T01:00:00Z',
    actorId: 'staff-1',
    actorName: 'Trần Thị Thu Hà',
    reason: null,
    subjectNames: [],
    payload: {},
    seq: 1,
    ...overrides,
    subjectCount: overrides.subjectCount ?? overrides.subjectNames?.length ?? 0,
  };
}

describe('describeHistoryEntry', () => {
  let transloco: TranslocoService;
  let t: Translate;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n(classesTranslations)] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    transloco = TestBed.inject(TranslocoService);
    t = (key, params) => transloco.translate(key, params);
  });

  it('tells who enrolled whom', () => {
    const entry = makeEntry({ type: ClassLedgerType.EnrollmentAdded, subjectNames: ['Nguyễn Văn An'] });
    expect(describeHistoryEntry(entry, t)).toBe('Trần Thị Thu Hà ghi danh Nguyễn Văn An');
  });

  it('names three learners and counts the rest', () => {
    const three = makeEntry({ type: ClassLedgerType.EnrollmentAdded, subjectNames: ['A', 'B', 'C'] });
    const five = makeEntry({
      type: ClassLedgerType.EnrollmentAdded,
      subjectNames: ['A', 'B', 'C', 'D', 'E'],
    });
    expect(describeHistoryEntry(three, t)).toBe('Trần Thị Thu Hà ghi danh A, B, C');
    expect(describeHistoryEntry(five, t)).toBe('Trần Thị Thu Hà ghi danh A, B và 3 người khác');
  });

  it('counts every learner of an import shown as one grouped entry', () => {
    const imported = makeEntry({
      type: ClassLedgerType.EnrollmentAdded,
      subjectNames: ['A', 'B', 'C'],
      subjectCount: 97,
    });
    expect(describeHistoryEntry(imported, t)).toBe('Trần Thị Thu Hà ghi danh A, B và 95 người khác');
  });

  it('says how many learners the class opened with, when recorded', () => {
    expect(
      describeHistoryEntry(makeEntry({ type: ClassLedgerType.ClassOpened, payload: { activeCount: 25 } }), t),
    ).toBe('Lớp được mở với 25 học viên');
    expect(describeHistoryEntry(makeEntry({ type: ClassLedgerType.ClassOpened }), t)).toBe('Lớp được mở');
  });

  it('tells why an opening needed approval', () => {
    const approved = makeEntry({
      type: ClassLedgerType.OpeningApproved,
      actorName: 'Lê Văn Bình',
      payload: { exceptions: [OpeningException.BelowMinimumSize] },
    });
    const requested = makeEntry({
      type: ClassLedgerType.OpeningRequested,
      payload: {
        exceptions: [OpeningException.BelowMinimumSize, OpeningException.LearnersOutsideTarget, 'made-up'],
      },
    });
    expect(describeHistoryEntry(approved, t)).toBe('Lê Văn Bình phê duyệt mở lớp dưới sĩ số tối thiểu');
    expect(describeHistoryEntry(requested, t)).toBe(
      'Trần Thị Thu Hà đề nghị mở lớp dưới sĩ số tối thiểu và có học viên ngoài đơn vị đối tượng',
    );
    expect(describeHistoryEntry(makeEntry({ type: ClassLedgerType.OpeningRejected }), t)).toBe(
      'Trần Thị Thu Hà từ chối mở lớp',
    );
  });

  it('tells a decision with the exceptions of the request it answers', () => {
    const history = describeClassHistory(
      [
        makeEntry({
          id: 'request',
          type: ClassLedgerType.OpeningRequested,
          payload: { exceptions: [OpeningException.BelowMinimumSize], activeCount: 18, minSize: 20 },
        }),
        makeEntry({ id: 'decision', type: ClassLedgerType.OpeningApproved, actorName: 'Lê Văn Bình' }),
        makeEntry({ id: 'open', type: ClassLedgerType.ClassOpened, payload: { activeCount: 18 } }),
      ],
      t,
    );
    expect(history).toEqual([
      'Trần Thị Thu Hà đề nghị mở lớp dưới sĩ số tối thiểu',
      'Lê Văn Bình phê duyệt mở lớp dưới sĩ số tối thiểu',
      'Lớp được mở với 18 học viên',
    ]);
  });

  it('tells a learner leaving on their own apart from staff withdrawing them', () => {
    const self = makeEntry({
      type: ClassLedgerType.EnrollmentWithdrawn,
      actorName: 'Nguyễn Văn An',
      subjectNames: ['Nguyễn Văn An'],
    });
    const byStaff = makeEntry({ type: ClassLedgerType.EnrollmentWithdrawn, subjectNames: ['Nguyễn Văn An'] });
    expect(describeHistoryEntry(self, t)).toBe('Nguyễn Văn An rút khỏi lớp');
    expect(describeHistoryEntry(byStaff, t)).toBe('Trần Thị Thu Hà cho Nguyễn Văn An rút khỏi lớp');
  });

  it('names the system when nobody acted, and a neutral learner when none is named', () => {
    const promoted = makeEntry({
      type: ClassLedgerType.EnrollmentPromoted,
      actorName: null,
      subjectNames: [],
    });
    const closed = makeEntry({ type: ClassLedgerType.ClassClosed, actorName: null });
    expect(describeHistoryEntry(promoted, t)).toBe('một học viên được chuyển từ danh sách chờ vào lớp');
    expect(describeHistoryEntry(closed, t)).toBe('Lớp kết thúc');
    expect(describeHistoryEntry(makeEntry({ actorName: null }), t)).toBe('Hệ thống tạo lớp');
  });

  it('still says something about an entry type it does not know', () => {
    expect(describeHistoryEntry(makeEntry({ type: 'attendance.marked' }), t)).toBe(
      'Sự kiện “attendance.marked”',
    );
  });

  it('tells the story in English too', async () => {
    await firstValueFrom(transloco.load('en'));
    transloco.setActiveLang('en');
    const entry = makeEntry({ type: ClassLedgerType.EnrollmentAdded, subjectNames: ['Nguyễn Văn An'] });
    expect(describeHistoryEntry(entry, t)).toBe('Trần Thị Thu Hà enrolled Nguyễn Văn An');
  });
});
