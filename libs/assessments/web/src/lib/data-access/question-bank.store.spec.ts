import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  QuestionDifficulty,
  QuestionFileFormat,
  QuestionStatusFilter,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import {
  BANK_URL,
  COURSE_ID,
  makeQuestion,
  makeTopic,
  pageOf,
  provideQuestionBankTesting,
} from '../testing/make-question';
import { ALL_ACTIVE, QuestionBankStore } from './question-bank.store';

const FIRST_PAGE = `${BANK_URL}?status=active&page=1&pageSize=20`;

describe(QuestionBankStore.name, () => {
  let store: QuestionBankStore;
  let backend: HttpTestingController;

  function openBank(items = [makeQuestion()], withCourse = false): void {
    store.open(COURSE_ID, { withCourse });
    backend.expectOne(FIRST_PAGE).flush(pageOf(items));
    backend.expectOne(`${BANK_URL}/topics`).flush([makeTopic()]);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideQuestionBankTesting(), QuestionBankStore] });
    store = TestBed.inject(QuestionBankStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('opens a bank on its active questions, its topic counts and, for staff and auditors, the course', () => {
    store.open(COURSE_ID, { withCourse: true });
    backend.expectOne(FIRST_PAGE).flush(pageOf([makeQuestion()]));
    backend.expectOne(`${BANK_URL}/topics`).flush([makeTopic()]);
    backend
      .expectOne(`/api/v1/courses/${COURSE_ID}`)
      .flush({ id: COURSE_ID, code: 'DVM-01', title: 'Đảng viên mới' });

    expect(store.page()?.items).toHaveLength(1);
    expect(store.topics.value()?.[0].byDifficulty.easy).toBe(2);
    expect(store.course.value()?.code).toBe('DVM-01');
  });

  it('asks for every filter the user set, from the first page, and none left empty', () => {
    openBank();
    store.goToPage(1, 20);
    backend.expectOne(`${BANK_URL}?status=active&page=2&pageSize=20`).flush(pageOf([], 2));

    store.search({
      q: '  dang cong san ',
      type: QuestionType.ShortAnswer,
      topic: 'Lịch sử Đảng',
      difficulty: QuestionDifficulty.Hard,
      status: QuestionStatusFilter.All,
    });

    const request = backend.expectOne((r) => r.url === BANK_URL);
    expect(request.request.params.toString()).toBe(
      'q=dang%20cong%20san&type=short-answer&topic=L%E1%BB%8Bch%20s%E1%BB%AD%20%C4%90%E1%BA%A3ng&difficulty=hard&status=all&page=1&pageSize=20',
    );
    request.flush(pageOf([]));
    expect(store.pageIndex()).toBe(0);
  });

  it('reloads the page and the counts after a new question', () => {
    openBank([]);
    const saved = jest.fn();

    store
      .create({
        type: QuestionType.Essay,
        topic: 'Liên hệ thực tiễn',
        difficulty: QuestionDifficulty.Hard,
        stem: 'Hãy liên hệ…',
      })
      .subscribe(saved);
    backend.expectOne({ method: 'POST', url: BANK_URL }).flush(makeQuestion({ type: QuestionType.Essay }));

    expect(saved).toHaveBeenCalled();
    backend.expectOne(FIRST_PAGE).flush(pageOf([makeQuestion({ type: QuestionType.Essay })]));
    backend.expectOne(`${BANK_URL}/topics`).flush([makeTopic()]);
    expect(store.page()?.items[0].type).toBe(QuestionType.Essay);
  });

  it('puts an edited question where it stood and reloads only the counts', () => {
    openBank([makeQuestion(), makeQuestion({ id: 'question-2', stem: 'Câu thứ hai' })]);

    store.update('question-1', { difficulty: QuestionDifficulty.Hard }).subscribe();
    const request = backend.expectOne({ method: 'PATCH', url: `${BANK_URL}/question-1` });
    expect(request.request.body).toEqual({ difficulty: QuestionDifficulty.Hard });
    request.flush(makeQuestion({ difficulty: QuestionDifficulty.Hard, version: 2 }));

    backend.expectOne(`${BANK_URL}/topics`).flush([makeTopic()]);
    backend.expectNone(FIRST_PAGE);
    expect(store.page()?.items.map((q) => [q.id, q.version])).toEqual([
      ['question-1', 2],
      ['question-2', 1],
    ]);
  });

  it('archives and restores, reloading the page the question leaves or joins', () => {
    openBank();

    store.archive(makeQuestion()).subscribe();
    backend
      .expectOne({ method: 'POST', url: `${BANK_URL}/question-1/archive` })
      .flush(makeQuestion({ isArchived: true }));
    backend.expectOne(FIRST_PAGE).flush(pageOf([]));
    backend.expectOne(`${BANK_URL}/topics`).flush([]);
    expect(store.page()?.items).toEqual([]);

    store.restore(makeQuestion({ isArchived: true })).subscribe();
    backend.expectOne({ method: 'POST', url: `${BANK_URL}/question-1/restore` }).flush(makeQuestion());
    backend.expectOne(FIRST_PAGE).flush(pageOf([makeQuestion()]));
    backend.expectOne(`${BANK_URL}/topics`).flush([makeTopic()]);
    expect(store.filter()).toEqual(ALL_ACTIVE);
  });

  it('imports a file as multipart "file" and "format", then reloads', () => {
    openBank([]);
    const file = new File(['::Câu 1:: Đảng ra đời năm nào? {=1930 ~1945}'], 'cau-hoi.gift');

    store.import(QuestionFileFormat.Gift, file).subscribe();
    const request = backend.expectOne({ method: 'POST', url: `${BANK_URL}/imports` });
    const body = request.request.body as FormData;
    expect(body.get('format')).toBe('gift');
    expect((body.get('file') as File).name).toBe('cau-hoi.gift');
    request.flush({ format: 'gift', fileName: 'cau-hoi.gift', imported: 1, byType: {}, topics: [] });

    backend.expectOne(FIRST_PAGE).flush(pageOf([makeQuestion()]));
    backend.expectOne(`${BANK_URL}/topics`).flush([makeTopic()]);
  });

  it('reads the versions and downloads the export in the chosen format', () => {
    openBank();
    const versions = jest.fn();
    store.versions(makeQuestion()).subscribe(versions);
    backend.expectOne(`${BANK_URL}/question-1/versions`).flush([]);
    expect(versions).toHaveBeenCalledWith([]);

    const exported = jest.fn();
    store.export(QuestionFileFormat.Csv).subscribe(exported);
    backend.expectOne(`${BANK_URL}/export?format=csv`).flush(new Blob(['a;b']));
    expect(exported).toHaveBeenCalled();
  });
});
