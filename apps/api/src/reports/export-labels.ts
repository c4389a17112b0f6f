import type { Locale } from '@dari/contracts';

/**
 * The words of the report exports (CSV and Excel), in the manager's language: the web app sends its
 * language with the download (`?lang=`), else the account's own language is used. Column headers,
 * statuses and yes/no are written out so the file reads as it does on screen, not as code names.
 */
export interface ExportLabels {
  yes: string;
  no: string;
  statuses: Record<'active' | 'completed' | 'withdrawn' | 'not_enrolled', string>;
  lessonKinds: Record<string, string>;
  cohort: {
    file: string;
    learner: string;
    lastActive: string;
    atRisk: string;
    percent: (course: string) => string;
    status: (course: string) => string;
    overdue: (course: string) => string;
  };
  program: {
    file: string;
    scope: string;
    name: string;
    learners: string;
    enrolments: string;
    completions: string;
    completionRate: string;
    scopes: Record<'program' | 'cohort' | 'course', string>;
  };
  course: {
    file: string;
    lesson: string;
    kind: string;
    started: string;
    completed: string;
    question: string;
    answers: string;
    correctShare: string;
  };
}

const ko: ExportLabels = {
  yes: '예',
  no: '아니요',
  statuses: { active: '배우는 중', completed: '마침', withdrawn: '그만둠', not_enrolled: '신청 안 함' },
  lessonKinds: { reading: '읽기', media: '영상·소리', quiz: '퀴즈', reflection: '생각 쓰기' },
  cohort: {
    file: '진도',
    learner: '학습자',
    lastActive: '마지막으로 배운 때',
    atRisk: '도움 필요',
    percent: (c) => `${c} 진도`,
    status: (c) => `${c} 상태`,
    overdue: (c) => `${c} 마감 지남`,
  },
  program: {
    file: '프로그램 요약',
    scope: '구분',
    name: '이름',
    learners: '학습자 수',
    enrolments: '신청 수',
    completions: '마친 수',
    completionRate: '마친 비율',
    scopes: { program: '프로그램 전체', cohort: '기수', course: '과정' },
  },
  course: {
    file: '과정 보고서',
    lesson: '수업',
    kind: '종류',
    started: '시작한 사람',
    completed: '마친 사람',
    question: '문제',
    answers: '답한 수',
    correctShare: '맞힌 비율',
  },
};

const en: ExportLabels = {
  yes: 'Yes',
  no: 'No',
  statuses: { active: 'In progress', completed: 'Completed', withdrawn: 'Withdrawn', not_enrolled: 'Not enrolled' },
  lessonKinds: { reading: 'Reading', media: 'Video or audio', quiz: 'Quiz', reflection: 'Reflection' },
  cohort: {
    file: 'progress',
    learner: 'Learner',
    lastActive: 'Last active',
    atRisk: 'Needs help',
    percent: (c) => `${c}: progress`,
    status: (c) => `${c}: status`,
    overdue: (c) => `${c}: past due`,
  },
  program: {
    file: 'programme summary',
    scope: 'Level',
    name: 'Name',
    learners: 'Learners',
    enrolments: 'Enrolments',
    completions: 'Completions',
    completionRate: 'Completion rate',
    scopes: { program: 'Whole programme', cohort: 'Cohort', course: 'Course' },
  },
  course: {
    file: 'course report',
    lesson: 'Lesson',
    kind: 'Kind',
    started: 'Started',
    completed: 'Completed',
    question: 'Question',
    answers: 'Answers',
    correctShare: 'Answered correctly',
  },
};

const zh: ExportLabels = {
  yes: '是',
  no: '否',
  statuses: { active: '学习中', completed: '已完成', withdrawn: '已退出', not_enrolled: '未报名' },
  lessonKinds: { reading: '阅读', media: '视频或音频', quiz: '测验', reflection: '写感想' },
  cohort: {
    file: '进度',
    learner: '学员',
    lastActive: '最近学习时间',
    atRisk: '需要帮助',
    percent: (c) => `${c} 进度`,
    status: (c) => `${c} 状态`,
    overdue: (c) => `${c} 已过截止日期`,
  },
  program: {
    file: '项目概况',
    scope: '类别',
    name: '名称',
    learners: '学员人数',
    enrolments: '报名人数',
    completions: '完成人数',
    completionRate: '完成率',
    scopes: { program: '整个项目', cohort: '班级', course: '课程' },
  },
  course: {
    file: '课程报告',
    lesson: '课',
    kind: '类型',
    started: '开始人数',
    completed: '完成人数',
    question: '题目',
    answers: '作答次数',
    correctShare: '答对比例',
  },
};

export const EXPORT_LABELS: Record<Locale, ExportLabels> = { ko, en, zh };

/** A course or lesson title in the export's language, falling back to Korean (always there). */
export function titleIn(text: { ko: string; en?: string | null; zh?: string | null }, locale: Locale): string {
  return (locale !== 'ko' ? text[locale] : null) || text.ko;
}
