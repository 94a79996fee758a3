'use strict';

const { login } = require('./product');

const DEMO_STAFF = { username: 'canbo.trungtam', password: 'ThucHoc@2026' };
/** Two topics of the bench bank; each attempt draws `DRAW_PER_TOPIC` from each. */
const TOPICS = ['Đo tải – Lý luận chung', 'Đo tải – Liên hệ thực tiễn'];
const DRAW_PER_TOPIC = 10;
const QUESTIONS_PER_TOPIC = 16;

/**
 * A question bank for the quiz benchmarks, made through the product's API as
 * the demo centre staff (so it is versioned and validated like any other):
 * per topic a mix of single choice, multiple choice, true/false and short
 * answer questions, enough for every learner to draw a different set.
 */
async function prepareBank(product, db, classId) {
  const token = await login(product.baseUrl, DEMO_STAFF.username, DEMO_STAFF.password);
  const {
    rows: [klass],
  } = await db.query('SELECT course_id FROM classes WHERE id = $1', [classId]);
  const api = staffApi(product.baseUrl, token);
  for (const topic of TOPICS) {
    for (let n = 1; n <= QUESTIONS_PER_TOPIC; n++) {
      await api('POST', `/api/v1/courses/${klass.course_id}/questions`, question(topic, n));
    }
  }
  return { courseId: klass.course_id, api };
}

function question(topic, n) {
  const base = { topic, difficulty: ['easy', 'medium', 'hard'][n % 3], points: 1 };
  switch (n % 4) {
    case 0:
      return {
        ...base,
        type: 'single-choice',
        stem: `${topic} – câu ${n}: Đảng Cộng sản Việt Nam ra đời năm nào?`,
        options: ['1925', '1930', '1945', '1954'].map((text) => ({ text, isCorrect: text === '1930' })),
      };
    case 1:
      return {
        ...base,
        type: 'multiple-choice',
        stem: `${topic} – câu ${n}: Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng?`,
        options: [
          { text: 'Chánh cương vắn tắt', isCorrect: true },
          { text: 'Sách lược vắn tắt', isCorrect: true },
          { text: 'Luận cương chính trị', isCorrect: false },
          { text: 'Tuyên ngôn độc lập', isCorrect: false },
        ],
      };
    case 2:
      return {
        ...base,
        type: 'true-false',
        stem: `${topic} – câu ${n}: Hội nghị thành lập Đảng họp tại Hương Cảng (Trung Quốc).`,
        options: [
          { text: 'Đúng', isCorrect: true },
          { text: 'Sai', isCorrect: false },
        ],
      };
    default:
      return {
        ...base,
        type: 'short-answer',
        stem: `${topic} – câu ${n}: Ai đọc bản Tuyên ngôn độc lập ngày 2/9/1945?`,
        acceptedAnswers: ['Hồ Chí Minh', 'Chủ tịch Hồ Chí Minh'],
        acceptWithoutDiacritics: true,
      };
  }
}

/**
 * A published quiz on the class that every learner may start now and that
 * closes `closesInS` seconds from now; the time limit is long, so the close is
 * every attempt's deadline.
 */
async function createQuiz(api, classId, { title, closesInS }) {
  const now = Date.now();
  return api('POST', `/api/v1/classes/${classId}/quizzes`, {
    title,
    drawRules: TOPICS.map((topic) => ({ topic, difficulty: null, count: DRAW_PER_TOPIC })),
    isShufflingOptions: true,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + closesInS * 1000).toISOString(),
    timeLimitMinutes: 60,
    maxAttempts: 1,
    passMark: 5,
    answersShown: 'after-close',
    isPublished: true,
  });
}

/** A body the product accepts for one frozen item of an attempt (choices by index in the attempt's order). */
function answerBody(item, seq) {
  switch (item.type) {
    case 'single-choice':
    case 'true-false':
      return { seq, choices: [seq % item.optionOrder.length] };
    case 'multiple-choice':
      return { seq, choices: [0, 1 + (seq % (item.optionOrder.length - 1))] };
    default:
      return { seq, text: seq % 2 === 0 ? 'Hồ Chí Minh' : 'Chu tich Ho Chi Minh' };
  }
}

function staffApi(baseUrl, token) {
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → HTTP ${response.status}: ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

module.exports = { prepareBank, createQuiz, answerBody, DRAW_PER_TOPIC, TOPICS };
