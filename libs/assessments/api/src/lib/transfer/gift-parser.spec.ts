import {
  GIFT_DEFAULT_TOPIC,
  QuestionContent,
  QuestionDifficulty,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import { parseGift } from './gift-parser';
import { checkImported } from './imported-question';

/** The one question a GIFT text holds, failing the test when it could not be read. */
function only(text: string): QuestionContent {
  const [question, ...rest] = parseGift(text);
  expect(rest).toEqual([]);
  expect(question.errors).toEqual([]);
  return question.content as QuestionContent;
}

/** The messages of a GIFT text's one question that could not be read. */
function refusal(text: string): string {
  const [question] = parseGift(text);
  expect(question.content).toBeNull();
  return question.errors.map((error) => `${error.field}: ${error.messages.join(' ')}`).join('\n');
}

const correct = (question: QuestionContent) =>
  question.options.filter((option) => option.isCorrect).map((option) => option.text);

describe(parseGift.name, () => {
  it('reads a single-choice question with its title, right and wrong answers', () => {
    const question = only('::Năm thành lập::Đảng Cộng sản Việt Nam ra đời năm nào? {=1930 ~1925 ~1945}');
    expect(question).toEqual({
      type: QuestionType.SingleChoice,
      topic: GIFT_DEFAULT_TOPIC,
      difficulty: QuestionDifficulty.Medium,
      title: 'Năm thành lập',
      stem: 'Đảng Cộng sản Việt Nam ra đời năm nào? ',
      options: [
        { text: '1930', isCorrect: true },
        { text: '1925', isCorrect: false },
        { text: '1945', isCorrect: false },
      ],
      acceptedAnswers: [],
      acceptWithoutDiacritics: false,
      points: 1,
      explanation: null,
    });
  });

  it('reads weighted answers without = as multiple choice, the positive weights being correct', () => {
    const question = only(
      'Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng? {\n' +
        '  ~%50%Chánh cương vắn tắt\n' +
        '  ~%50%Sách lược vắn tắt\n' +
        '  ~%-100%Luận cương chính trị\n' +
        '}',
    );
    expect(question.type).toBe(QuestionType.MultipleChoice);
    expect(question.options.map((option) => option.text)).toEqual([
      'Chánh cương vắn tắt',
      'Sách lược vắn tắt',
      'Luận cương chính trị',
    ]);
    expect(correct(question)).toEqual(['Chánh cương vắn tắt', 'Sách lược vắn tắt']);
  });

  it('takes weights with a decimal point or comma, and %100% as right in single choice', () => {
    expect(correct(only('Câu? {~%33.33333%a ~%33,33333%b ~%33.33333%c ~%-100%d}'))).toEqual(['a', 'b', 'c']);
    const single = only('Câu? {=a ~%100%b ~%0%c ~%-50%d}');
    expect(single.type).toBe(QuestionType.SingleChoice);
    expect(correct(single)).toEqual(['a', 'b']);
  });

  it.each([
    ['{T}', true],
    ['{TRUE}', true],
    ['{F}', false],
    ['{FALSE}', false],
    ['{t}', true],
    ['{ F #Sai rồi#Chính xác }', false],
  ])('reads %s as true/false', (block, isTrue) => {
    const question = only(`Hồ Chí Minh đọc Tuyên ngôn Độc lập ngày 2/9/1945. ${block}`);
    expect(question.type).toBe(QuestionType.TrueFalse);
    expect(question.options).toEqual([
      { text: 'Đúng', isCorrect: isTrue },
      { text: 'Sai', isCorrect: !isTrue },
    ]);
  });

  it('reads = answers alone as short answer, and {} as essay', () => {
    const short = only('Ai là Tổng Bí thư đầu tiên của Đảng? {=Trần Phú =Đồng chí Trần Phú}');
    expect(short).toMatchObject({
      type: QuestionType.ShortAnswer,
      options: [],
      acceptedAnswers: ['Trần Phú', 'Đồng chí Trần Phú'],
    });
    const essay = only('Liên hệ thực tiễn ở địa phương đồng chí. {}');
    expect(essay).toMatchObject({ type: QuestionType.Essay, options: [], acceptedAnswers: [] });
    expect(only('Bài thu hoạch. {\n}').type).toBe(QuestionType.Essay);
  });

  it('turns text after the answer block into a fill-in blank', () => {
    expect(only('Thủ đô của nước ta là {=Hà Nội} từ năm 1010.').stem).toBe(
      'Thủ đô của nước ta là _____ từ năm 1010.',
    );
  });

  it('puts questions in the topic of the last $CATEGORY line, by the last part of its path', () => {
    const questions = parseGift(
      [
        'Câu đầu? {T}',
        '',
        '$CATEGORY: $course$/top/Default for BDDVM/Lịch sử Đảng',
        '',
        'Câu hai? {F}',
        '',
        '$CATEGORY: Tư tưởng Hồ Chí Minh',
        'Câu ba? {T}',
        '',
        '$CATEGORY: $course$/top/a//b',
        '',
        'Câu bốn? {T}',
        '',
        '$CATEGORY: $course$/top',
        '',
        'Câu năm? {T}',
      ].join('\n'),
    );
    expect(questions.map((question) => question.content?.topic)).toEqual([
      GIFT_DEFAULT_TOPIC,
      'Lịch sử Đảng',
      'Tư tưởng Hồ Chí Minh',
      'a/b',
      GIFT_DEFAULT_TOPIC,
    ]);
    expect(questions.map((question) => question.at)).toEqual([
      'questions.1',
      'questions.2',
      'questions.3',
      'questions.4',
      'questions.5',
    ]);
  });

  it('skips // comment lines, inside a question too, and never treats // in text as one', () => {
    const questions = parseGift(
      [
        '// Ngân hàng câu hỏi — xuất từ Moodle',
        '// question: 1  name: Câu 1',
        '::Câu 1::Trang http://dangcongsan.vn thuộc cơ quan nào?',
        '// [tag:de]',
        '{=Báo Điện tử Đảng Cộng sản Việt Nam ~Bộ Ngoại giao}',
        '',
        '// chỉ có chú thích',
        '',
      ].join('\r\n'),
    );
    expect(questions).toHaveLength(1);
    expect(questions[0].content?.stem).toBe('Trang http://dangcongsan.vn thuộc cơ quan nào?\n');
  });

  it('reads escaped special characters as text', () => {
    const question = only(
      '::Ký hiệu \\:: Toán::Biểu thức a \\= b \\~ c \\# d có dấu \\{ \\} và \\\\ không?\\nDòng hai {=Có \\= thật ~Không \\{x\\}}',
    );
    expect(question.title).toBe('Ký hiệu :: Toán');
    expect(question.stem).toBe('Biểu thức a = b ~ c # d có dấu { } và \\ không?\nDòng hai ');
    expect(question.options).toEqual([
      { text: 'Có = thật', isCorrect: true },
      { text: 'Không {x}', isCorrect: false },
    ]);
  });

  it('drops answer feedback and keeps the general feedback as the explanation', () => {
    const question = only(
      'Đảng ra đời năm nào? {=1930#Đúng, Hội nghị hợp nhất. ~1945#Chưa đúng.####Năm 1930, tại Hương Cảng.}',
    );
    expect(question.options).toEqual([
      { text: '1930', isCorrect: true },
      { text: '1945', isCorrect: false },
    ]);
    expect(question.explanation).toBe('Năm 1930, tại Hương Cảng.');
  });

  it('turns [html] text into plain text (Moodle escapes the # of an entity) and drops the other format markers', () => {
    const question = only(
      '::Q1::[html]<p>Nguyên tắc <strong>tổ chức cơ bản</strong> của Đảng là gì?</p><p>Chọn&nbsp;một.</p>' +
        '{=<p>Tập trung d&acirc;n chủ</p> ~Tập thể l&atilde;nh đạo &amp; cá nhân phụ trách ~&\\#272;oàn kết}',
    );
    expect(question.stem).toBe('Nguyên tắc tổ chức cơ bản của Đảng là gì?\nChọn một.');
    expect(question.options.map((option) => option.text)).toEqual([
      'Tập trung dân chủ',
      'Tập thể lãnh đạo & cá nhân phụ trách',
      'Đoàn kết',
    ]);
    expect(only('[markdown]Câu *hỏi*? {T}').stem).toBe('Câu *hỏi*? ');
    expect(only('[plain]Câu <b>hỏi</b>? {T}').stem).toBe('Câu <b>hỏi</b>? ');
  });

  it('keeps decomposed Vietnamese for the rules to normalise, and reads a BOM-led file', () => {
    const [question] = parseGift(`\uFEFF${'Đảng? {=Đúng vậy ~Không}'.normalize('NFD')}`);
    const checked = checkImported([question]);
    expect(checked.errors).toEqual([]);
    expect(checked.questions[0].stem).toBe('Đảng?'.normalize('NFC'));
    expect(checked.questions[0].options[0].text).toBe('Đúng vậy'.normalize('NFC'));
  });

  it('separates questions by blank lines and numbers them with their first line', () => {
    const questions = parseGift('Một? {T}\n\n\n   \nHai? {\n=a\n~b\n}\n\n\nBa? {');
    expect(questions.map((question) => question.at)).toEqual(['questions.1', 'questions.2', 'questions.3']);
    expect(questions[2].errors).toEqual([
      { field: 'questions.3', messages: ['Dòng 11: thiếu dấu } đóng phần đáp án, hoặc dấu } đứng trước {.'] },
    ]);
  });

  describe('refuses, naming the question and its line', () => {
    it('a question without an answer block', () => {
      expect(refusal('\n\nChỉ có lời văn.')).toBe('questions.1: Dòng 3: thiếu phần đáp án {…}.');
    });

    it('two answer blocks, or an unescaped brace', () => {
      expect(refusal('Câu {T} và {F}')).toContain('một câu hỏi chỉ có một phần đáp án');
      expect(refusal('Câu } ngược {T}')).toContain('thiếu dấu }');
    });

    it('numerical and matching questions', () => {
      expect(refusal('Năm nào? {#1930:0}')).toContain('câu dạng số');
      expect(refusal('Ghép đôi {=Hà Nội -> Thủ đô =Huế -> Cố đô}')).toContain('câu ghép đôi');
    });

    it('partial credit in single choice or short answer', () => {
      expect(refusal('Câu? {=a ~%50%b ~c}')).toContain('điểm từng phần');
      expect(refusal('Câu? {=%50%a =b}')).toContain('câu trả lời ngắn không dùng điểm từng phần');
    });

    it('an answer block of text that is not an answer', () => {
      expect(refusal('Câu? {Hà Nội}')).toContain('phải bắt đầu bằng = hoặc ~');
    });
  });

  it('leaves the rules of each type to the question rules', () => {
    const checked = checkImported(parseGift('Một? {~a ~b}\n\nHai? {=a =a}\n\nBa? {=a =b ~c}'));
    expect(checked.errors.map((error) => error.field)).toEqual([
      'questions.1.options',
      'questions.2.acceptedAnswers',
      'questions.3.options',
    ]);
    expect(checked.badQuestions).toBe(3);
  });
});
