import type { vi } from './grading.translations.vi';

export const en: typeof vi = {
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
        'This attempt has {{count}} open similarity flag(s) with another learner’s essay. Compare the essays and resolve the flag before grading.',
      heldByFlags: 'This essay can be graded once its similarity flag is resolved.',
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
      'similarity-open':
        'This attempt has a similarity flag that is not resolved yet. Compare the essays and resolve the flag before grading.',
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
