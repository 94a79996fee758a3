import { TestBed } from '@angular/core/testing';
import { QuestionType } from '@thuchoc/assessments/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import { makeAttemptQuestion, providePlayerTesting } from '../testing/make-attempt';
import { QuestionField } from './question-field';

describe(QuestionField.name, () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: providePlayerTesting() });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  function render(type: QuestionType, draft: { choices: number[]; text: string }, isDisabled = false) {
    const fixture = TestBed.createComponent(QuestionField);
    const options = type === QuestionType.Essay ? [] : ['Chánh cương vắn tắt', 'Sách lược vắn tắt'];
    fixture.componentRef.setInput('question', makeAttemptQuestion({ type, options }));
    fixture.componentRef.setInput('draft', draft);
    fixture.componentRef.setInput('isDisabled', isDisabled);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('counts the words of an essay as it is typed, and emits the text', () => {
    const { fixture, element } = render(QuestionType.Essay, { choices: [], text: 'Liên hệ thực tiễn ở xã' });
    const typed: string[] = [];
    fixture.componentInstance.typed.subscribe((text) => typed.push(text));

    expect(element.querySelector('[data-testid="word-count"]')?.textContent?.trim()).toBe('6 từ');
    const box = element.querySelector('textarea') as HTMLTextAreaElement;
    box.value = 'Liên hệ thực tiễn ở phường';
    box.dispatchEvent(new Event('input'));
    expect(typed).toEqual(['Liên hệ thực tiễn ở phường']);
  });

  it('shows checkboxes for a multiple-choice question with the chosen ones ticked', () => {
    const { element } = render(QuestionType.MultipleChoice, { choices: [1], text: '' });
    const boxes = [...element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

    expect(boxes.map((box) => box.checked)).toEqual([false, true]);
  });

  it('takes no input once the time is up', () => {
    const { element } = render(QuestionType.SingleChoice, { choices: [0], text: '' }, true);
    const radios = [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]')];

    expect(radios.every((radio) => radio.disabled)).toBe(true);
    expect(radios[0].checked).toBe(true);
  });
});
