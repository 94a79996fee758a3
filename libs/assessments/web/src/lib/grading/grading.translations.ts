const vi = {
  grading: {
    title: 'Chấm bài tự luận',
    backToClass: 'Về lớp học',
    backToQueue: 'Về danh sách chấm bài',
    readOnly: 'Bạn chỉ có quyền xem bài làm, điểm chấm và cảnh báo trùng lặp của lớp này.',
    refresh: 'Tải lại',
    tabs: {
      queue: 'Bài tự luận',
      flags: 'Cảnh báo trùng lặp',
    },
    statuses: {
      'awaiting-grading': 'Chờ chấm',
      graded: 'Đã chấm',
      all: 'Tất cả',
    },
    queue: {
      status: 'Trạng thái bài',
      empty: {
        'awaiting-grading': 'Không còn bài tự luận nào chờ chấm.',
        graded: 'Chưa có bài tự luận nào được chấm.',
        all: 'Lớp chưa có bài tự luận nào được nộp.',
      },
      submittedAt: 'Nộp lúc {{time}}',
      objective: 'Trắc nghiệm {{earned}}/{{possible}} điểm',
      essays: '{{count}} câu tự luận · {{points}} điểm',
      score: 'Điểm {{score}}/10',
      grade: 'Chấm bài',
      review: 'Xem bài chấm',
      flagBadge: 'Nghi trùng lặp',
      flagBadgeNumber: 'Nghi trùng lặp {{number}}',
      flagLink: 'Mở cảnh báo trùng lặp của bài {{name}}',
    },
    flags: {
      intro:
        'Hệ thống tự so sánh bài tự luận của học viên trong khoá học; cặp bài có nhiều đoạn văn giống nhau được đánh dấu để giảng viên đối chiếu và kết luận.',
      status: 'Trạng thái cảnh báo',
      statuses: {
        open: 'Đang mở',
        resolved: 'Đã xử lý',
        all: 'Tất cả',
      },
      empty: {
        open: 'Không có cảnh báo trùng lặp nào đang mở.',
        resolved: 'Chưa có cảnh báo trùng lặp nào được xử lý.',
        all: 'Lớp chưa có cảnh báo trùng lặp nào.',
      },
      score: '{{percent}}% đoạn văn trùng',
      raisedAt: 'Phát hiện lúc {{time}}',
      and: 'và',
      compare: 'Xem đối chiếu',
      outcomes: {
        'confirmed-copy': 'Xác nhận sao chép',
        'false-positive': 'Không phải sao chép',
      },
    },
    attempt: {
      title: 'Chấm bài tự luận',
      quiz: 'Bài kiểm tra',
      submittedAt: 'Nộp lúc {{time}}',
      essay: 'Câu {{number}}',
      essayPoints: '{{points}} điểm',
      noAnswer: 'Học viên không trả lời câu này.',
      answer: 'Bài làm của học viên',
      flagsBanner:
        'Bài này có {{count}} cảnh báo trùng lặp đang mở với bài của học viên khác. Hãy đối chiếu trước khi chấm.',
      flagLink: 'Xem đối chiếu',
      flagLinkNumber: 'Xem đối chiếu {{number}}',
      rubric: 'Thang chấm',
      rubricIntro:
        'Chọn một mức cho mỗi tiêu chí. Tổng tối đa {{max}} điểm, quy đổi về {{essay}} điểm tự luận.',
      level: '{{label}} · {{points}} điểm',
      levelsOf: 'Mức cho tiêu chí {{criterion}}',
      pickLevel: 'Chọn một mức cho tiêu chí này.',
      criterionComment: 'Nhận xét về tiêu chí',
      overallComment: 'Nhận xét chung',
      overallHint: 'Học viên xem được các nhận xét cùng với điểm.',
      save: 'Lưu điểm',
      saveChange: 'Sửa điểm',
      saving: 'Đang lưu…',
      reset: 'Về điểm đã lưu',
      notGraded: 'Chưa chấm.',
      noRubric:
        'Bài kiểm tra “{{quiz}}” chưa có thang chấm, nên chưa chấm được phần tự luận. Thang chấm gồm các tiêu chí và mức điểm; đặt một lần cho cả bài kiểm tra.',
      noRubricLink: 'Đặt thang chấm cho bài kiểm tra',
      noRubricReader: 'Bài kiểm tra “{{quiz}}” chưa có thang chấm, nên phần tự luận chưa được chấm.',
      preview: {
        title: 'Điểm tạm tính',
        note: 'Tạm tính từ các mức đang chọn; điểm chính thức do hệ thống tính khi lưu.',
        rubricPoints: 'Theo thang chấm',
        essayPoints: 'Tự luận (quy đổi)',
        objectivePoints: 'Trắc nghiệm',
        total: 'Tổng điểm',
        score: 'Điểm hệ 10',
        outOf: '{{earned}}/{{possible}}',
        passMark: 'Điểm đạt {{mark}}',
        incomplete: 'Chọn mức cho đủ {{count}} tiêu chí để tính điểm.',
      },
      passed: 'Đạt',
      failed: 'Chưa đạt',
      saved: {
        title: 'Điểm đã lưu',
        score: '{{score}}/10',
        essay: 'Tự luận {{earned}}/{{possible}} điểm',
        gradedAt: '{{name}} chấm lúc {{time}}',
        justSaved: 'Đã lưu điểm: {{score}}/10.',
      },
      change: {
        title: 'Sửa điểm đã chấm',
        message:
          'Bài này đã được chấm {{oldScore}}/10 (tự luận {{oldEssay}}/{{possible}} điểm) lúc {{time}}. Điểm mới tạm tính: {{newScore}}/10. Việc sửa điểm được ghi vào sổ nhật ký của lớp cùng lý do.',
        reasonLabel: 'Lý do sửa điểm',
        submit: 'Lưu điểm mới',
      },
    },
    flag: {
      title: 'Đối chiếu bài tự luận',
      score: '{{percent}}% đoạn văn trùng',
      scoreHint: 'Tỷ lệ cụm năm từ liên tiếp của bài ngắn hơn có trong bài kia.',
      passages: '{{count}} đoạn trùng',
      raisedAt: 'Phát hiện lúc {{time}}',
      legend:
        'Các đoạn cùng màu, cùng số là đoạn văn trùng nhau giữa hai bài. Bấm vào một đoạn để chuyển tới đoạn tương ứng ở bài bên kia.',
      passage: 'Đoạn trùng {{number}}, bấm để xem đoạn tương ứng ở bài của {{other}}',
      essayOf: 'Bài của {{name}}',
      emptyEssay: 'Bài trống.',
      openAttempt: 'Mở bài chấm',
      statuses: {
        open: 'Đang mở',
        resolved: 'Đã xử lý',
      },
      resolveTitle: 'Kết luận cảnh báo',
      resolveIntro:
        'Sau khi đối chiếu hai bài, hãy kết luận cảnh báo kèm lý do; kết luận được ghi vào sổ nhật ký của lớp.',
      confirmCopy: 'Xác nhận sao chép',
      falsePositive: 'Không phải sao chép',
      confirmCopyMessage:
        'Kết luận bài của {{a}} và bài của {{b}} có sao chép ({{percent}}% đoạn văn trùng). Nêu lý do, ví dụ các đoạn chép nguyên văn.',
      falsePositiveMessage:
        'Kết luận hai bài của {{a}} và {{b}} không sao chép nhau. Nêu lý do, ví dụ đoạn trùng chỉ là trích dẫn văn kiện.',
      reasonLabel: 'Lý do',
      resolved: 'Đã kết luận cảnh báo.',
      outcome: 'Kết luận',
      resolvedAt: 'Lúc {{time}}',
      reason: 'Lý do',
    },
  },
  problems: {
    grade: {
      invalid: 'Điểm chấm chưa khớp với thang chấm. Vui lòng xem các mục được đánh dấu.',
    },
    attempt: {
      'not-found': 'Không tìm thấy bài làm này trong lớp.',
      'not-gradable': 'Bài làm này không có phần tự luận đang chờ chấm.',
    },
    rubric: {
      missing: 'Bài kiểm tra chưa có thang chấm; hãy đặt thang chấm trước khi chấm bài.',
    },
    'similarity-flag': {
      'not-found': 'Không tìm thấy cảnh báo trùng lặp này trong phạm vi của bạn.',
      resolved: 'Cảnh báo này đã được kết luận trước đó; trang đã hiện kết luận đó.',
    },
    quiz: {
      'read-only': 'Bạn chỉ có quyền xem, không được chấm điểm hay kết luận cảnh báo.',
    },
  },
};

const en: typeof vi = {
  grading: {
    title: 'Essay grading',
    backToClass: 'Back to the class',
    backToQueue: 'Back to the grading list',
    readOnly: 'You may read this class’s essays, grades and similarity flags but not change them.',
    refresh: 'Reload',
    tabs: {
      queue: 'Essays',
      flags: 'Similarity flags',
    },
    statuses: {
      'awaiting-grading': 'Awaiting grading',
      graded: 'Graded',
      all: 'All',
    },
    queue: {
      status: 'Attempt status',
      empty: {
        'awaiting-grading': 'No essay is waiting to be graded.',
        graded: 'No essay has been graded yet.',
        all: 'No essay has been submitted in this class yet.',
      },
      submittedAt: 'Submitted {{time}}',
      objective: 'Objective {{earned}}/{{possible}} pt',
      essays: '{{count}} essay question(s) · {{points}} pt',
      score: 'Score {{score}}/10',
      grade: 'Grade',
      review: 'View grade',
      flagBadge: 'Possible copy',
      flagBadgeNumber: 'Possible copy {{number}}',
      flagLink: 'Open the similarity flag of {{name}}’s attempt',
    },
    flags: {
      intro:
        'Learners’ essays in the course are compared automatically; pairs sharing many passages are flagged for the lecturer to compare and decide.',
      status: 'Flag status',
      statuses: {
        open: 'Open',
        resolved: 'Resolved',
        all: 'All',
      },
      empty: {
        open: 'No similarity flag is open.',
        resolved: 'No similarity flag has been resolved yet.',
        all: 'This class has no similarity flags.',
      },
      score: '{{percent}}% of passages shared',
      raisedAt: 'Raised {{time}}',
      and: 'and',
      compare: 'Compare',
      outcomes: {
        'confirmed-copy': 'Confirmed copy',
        'false-positive': 'Not a copy',
      },
    },
    attempt: {
      title: 'Essay grading',
      quiz: 'Quiz',
      submittedAt: 'Submitted {{time}}',
      essay: 'Question {{number}}',
      essayPoints: '{{points}} pt',
      noAnswer: 'The learner did not answer this question.',
      answer: 'The learner’s answer',
      flagsBanner:
        'This attempt has {{count}} open similarity flag(s) with another learner’s essay. Compare them before grading.',
      flagLink: 'Compare',
      flagLinkNumber: 'Compare {{number}}',
      rubric: 'Rubric',
      rubricIntro: 'Pick one level per criterion. At most {{max}} points, scaled to {{essay}} essay points.',
      level: '{{label}} · {{points}} pt',
      levelsOf: 'Level for the criterion {{criterion}}',
      pickLevel: 'Pick a level for this criterion.',
      criterionComment: 'Comment on the criterion',
      overallComment: 'Overall comment',
      overallHint: 'The learner sees the comments with the grade.',
      save: 'Save grade',
      saveChange: 'Change grade',
      saving: 'Saving…',
      reset: 'Back to the saved grade',
      notGraded: 'Not graded yet.',
      noRubric:
        'The quiz “{{quiz}}” has no rubric yet, so its essays cannot be graded. A rubric holds the criteria and their levels; it is set once for the whole quiz.',
      noRubricLink: 'Set the quiz’s rubric',
      noRubricReader: 'The quiz “{{quiz}}” has no rubric yet, so its essays have not been graded.',
      preview: {
        title: 'Grade preview',
        note: 'Worked out from the levels picked; the grade that counts is computed by the server on saving.',
        rubricPoints: 'Rubric',
        essayPoints: 'Essays (scaled)',
        objectivePoints: 'Objective',
        total: 'Total',
        score: 'On the 10-point scale',
        outOf: '{{earned}}/{{possible}}',
        passMark: 'Pass mark {{mark}}',
        incomplete: 'Pick a level for all {{count}} criteria to see the grade.',
      },
      passed: 'Passed',
      failed: 'Not passed',
      saved: {
        title: 'Saved grade',
        score: '{{score}}/10',
        essay: 'Essays {{earned}}/{{possible}} pt',
        gradedAt: 'Graded by {{name}} {{time}}',
        justSaved: 'Grade saved: {{score}}/10.',
      },
      change: {
        title: 'Change a grade',
        message:
          'This attempt was graded {{oldScore}}/10 (essays {{oldEssay}}/{{possible}} pt) on {{time}}. New grade preview: {{newScore}}/10. The change goes on the class’s ledger with its reason.',
        reasonLabel: 'Reason for the change',
        submit: 'Save new grade',
      },
    },
    flag: {
      title: 'Essay comparison',
      score: '{{percent}}% of passages shared',
      scoreHint: 'The share of the shorter essay’s five-word sequences found in the other.',
      passages: '{{count}} shared passage(s)',
      raisedAt: 'Raised {{time}}',
      legend:
        'Passages of the same colour and number appear in both essays. Click a passage to jump to its match in the other essay.',
      passage: 'Shared passage {{number}}, click to see its match in {{other}}’s essay',
      essayOf: '{{name}}’s essay',
      emptyEssay: 'Empty essay.',
      openAttempt: 'Open the attempt',
      statuses: {
        open: 'Open',
        resolved: 'Resolved',
      },
      resolveTitle: 'Decide on the flag',
      resolveIntro:
        'Having compared the essays, decide on the flag with a reason; the decision goes on the class’s ledger.',
      confirmCopy: 'Confirm copy',
      falsePositive: 'Not a copy',
      confirmCopyMessage:
        'Decide that {{a}}’s and {{b}}’s essays were copied ({{percent}}% of passages shared). Give a reason, e.g. the passages copied word for word.',
      falsePositiveMessage:
        'Decide that {{a}}’s and {{b}}’s essays are not copies. Give a reason, e.g. the shared passages quote a party document.',
      reasonLabel: 'Reason',
      resolved: 'Flag resolved.',
      outcome: 'Decision',
      resolvedAt: 'On {{time}}',
      reason: 'Reason',
    },
  },
  problems: {
    grade: {
      invalid: 'The grade does not fit the rubric. Please check the marked parts.',
    },
    attempt: {
      'not-found': 'No such attempt in this class.',
      'not-gradable': 'This attempt has no essay waiting for a grade.',
    },
    rubric: {
      missing: 'The quiz has no rubric; set one before grading.',
    },
    'similarity-flag': {
      'not-found': 'No such similarity flag in your scope.',
      resolved: 'This flag had already been resolved; the page now shows that decision.',
    },
    quiz: {
      'read-only': 'You may read but not grade or resolve flags.',
    },
  },
};

/** Strings of the grading queue and similarity pages, and the grading and `similarity-flag.*` problem codes. */
export const gradingTranslations = { vi, en };
