import { TestBed } from '@angular/core/testing';
import { AttemptStatus, QuestionType, SubmissionKind } from '@thuchoc/assessments/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import { makeResult, providePlayerTesting } from '../testing/make-attempt';
import { AttemptResultCard } from './attempt-result-card';

describe(AttemptResultCard.name, () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: providePlayerTesting() });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  function render(result: ReturnType<typeof makeResult>): HTMLElement {
    const fixture = TestBed.createComponent(AttemptResultCard);
    fixture.componentRef.setInput('result', result);
    fixture.componentRef.setInput('isReviewOpen', true);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (element: HTMLElement, testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();

  it('shows an auto-submitted attempt with its score in Vietnamese decimals and the verdict', () => {
    const element = render(makeResult({ submission: SubmissionKind.Auto, score: 7.5, isPassed: true }));

    expect(text(element, 'attempt-submission')).toContain('Hệ thống tự nộp khi hết giờ');
    expect(text(element, 'attempt-score')).toBe('7,50/10 điểm');
    expect(text(element, 'attempt-points')).toBe('3/4 điểm');
    expect(text(element, 'attempt-verdict')).toBe('Đạt');
  });

  it('shows a result under similarity review as provisional, with no verdict and a notice', () => {
    const element = render(makeResult({ score: 7.5, isPassed: true, isUnderReview: true }));

    expect(text(element, 'attempt-score')).toBe('7,50/10 điểm');
    expect(text(element, 'attempt-provisional')).toBe('Tạm tính');
    expect(element.querySelector('[data-testid="attempt-verdict"]')).toBeNull();
    expect(text(element, 'attempt-under-review')).toBe(
      'Bài thu hoạch của bạn đang được giảng viên xem xét trùng lặp. Kết quả sẽ chính thức sau khi có kết luận.',
    );
  });

  it('shows the notice while an essay under review waits for its grade', () => {
    const element = render(makeResult({ score: null, isPassed: null, isUnderReview: true }));
    expect(element.querySelector('[data-testid="attempt-score"]')).toBeNull();
    expect(element.querySelector('[data-testid="attempt-under-review"]')).not.toBeNull();
  });

  it('says the points so far leave out the essays while they wait for the lecturer', () => {
    const element = render(
      makeResult({
        status: AttemptStatus.AwaitingGrading,
        score: null,
        isPassed: null,
        pointsEarned: 2,
        pointsPossible: 10,
      }),
    );
    expect(text(element, 'attempt-points')).toBe('Tạm có 2/10 điểm, chưa tính phần tự luận');
    expect(text(element, 'awaiting-grading')).toBe('Đang chờ giảng viên chấm phần tự luận.');
    expect(element.querySelector('[data-testid="attempt-score"]')).toBeNull();
  });

  it('shows no notice and no provisional mark for a final result', () => {
    const element = render(makeResult({ isPassed: false, score: 3 }));
    expect(text(element, 'attempt-verdict')).toBe('Chưa đạt');
    expect(element.querySelector('[data-testid="attempt-provisional"]')).toBeNull();
    expect(element.querySelector('[data-testid="attempt-under-review"]')).toBeNull();
  });

  it('shows the lecturer’s essay grade and the review with the key and the points per question', () => {
    const element = render(
      makeResult({
        review: [
          {
            questionId: 'q1',
            type: QuestionType.SingleChoice,
            title: null,
            stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?',
            options: ['1930', '1945'],
            points: 1,
            choices: [1],
            text: null,
            correctChoices: [0],
            acceptedAnswers: [],
            explanation: 'Năm 1930.',
            pointsAwarded: 0,
          },
        ],
        essayGrade: {
          criteria: [{ label: 'Nắm vững lý luận', levelLabel: 'Tốt', points: 4, maxPoints: 5, comment: '' }],
          comment: 'Bài viết có liên hệ thực tiễn.',
          rubricPoints: 4,
          rubricMaxPoints: 5,
          essayPoints: 1.6,
          essayPointsPossible: 2,
          gradedBy: 'lecturer-1',
          gradedByName: 'Hoàng Thị Lan',
          gradedAt: '2026-03-03T02:00:00.000Z',
        },
      }),
    );

    expect(text(element, 'essay-grade')).toContain('1,6/2 điểm phần tự luận');
    expect(text(element, 'graded-by')).toBe('Giảng viên chấm: Hoàng Thị Lan');
    expect(text(element, 'essay-grade')).toContain('Nhận xét: Bài viết có liên hệ thực tiễn.');
    const item = element.querySelector('[data-testid="review-item"]') as HTMLElement;
    expect(item.querySelector('.wrong')?.textContent).toContain('1945');
    expect(item.querySelector('.correct')?.textContent).toContain('Đáp án đúng');
    expect(text(item, 'review-points')).toBe('0/1 điểm');
  });
});
