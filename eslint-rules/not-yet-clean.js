// Files that still have findings for a rule, as measured when lint joined `npm test`: the rule is
// off for exactly these files (every other file is held to it). Fix a file, then take it off its
// list; a list that empties goes. New files are never added here. 249 findings in total.
/** @type {Record<string, string[]>} */
export const NOT_YET_CLEAN = {
  // 1 finding(s)
  '@typescript-eslint/await-thenable': ['apps/web/src/features/learning/components/held-notices.spec.tsx'],
  // 4 finding(s)
  '@typescript-eslint/no-base-to-string': [
    'apps/web/src/features/program/components/add-account.tsx',
    'apps/web/src/features/program/components/members-panel.tsx',
    'apps/web/src/test/mock-api.ts',
  ],
  // 2 finding(s)
  '@typescript-eslint/no-confusing-void-expression': [
    'apps/web/src/features/authoring/components/course-settings.tsx',
    'apps/web/src/features/learning/offline/personal-cache.ts',
  ],
  // 19 finding(s)
  '@typescript-eslint/no-deprecated': [
    'apps/api/test/learner-model.spec.ts',
    'apps/web/src/app/preload-route.ts',
    'apps/web/src/features/account/components/my-data.tsx',
    'apps/web/src/features/admin-audit/components/audit-filters.tsx',
    'apps/web/src/features/admin-users/components/users-filters.tsx',
    'apps/web/src/features/glossary/components/ask-word.tsx',
    'apps/web/src/features/glossary/routes/requests-page.tsx',
    'apps/web/src/features/join/routes/join-page.tsx',
    'apps/web/src/features/learning/routes/verify-page.tsx',
    'apps/web/src/features/program/components/add-account.tsx',
    'apps/web/src/features/program/components/courses-panel.tsx',
    'apps/web/src/features/program/components/import-panel.tsx',
    'apps/web/src/features/program/components/join-codes-panel.tsx',
    'apps/web/src/features/program/components/members-panel.tsx',
    'apps/web/src/lib/use-url-filters.ts',
  ],
  // 4 finding(s)
  '@typescript-eslint/no-misused-spread': [
    'apps/web/src/features/authoring/romanize.ts',
    'apps/web/src/features/program/csv-file.spec.ts',
    'apps/web/src/features/program/routes/cohort-page.spec.tsx',
  ],
  // 10 finding(s)
  '@typescript-eslint/no-non-null-assertion': [
    'apps/api/scripts/schema-dump.ts',
    'apps/web/src/config/paths.ts',
    'apps/web/src/features/glossary/api/word-list.ts',
    'apps/web/src/features/learning/components/course-languages.tsx',
    'apps/web/src/features/learning/queue/event-queue.ts',
    'apps/web/src/i18n/locales/index.ts',
  ],
  // 1 finding(s)
  '@typescript-eslint/no-redundant-type-constituents': ['apps/api/scripts/bench-reports.ts'],
  // 37 finding(s)
  '@typescript-eslint/no-unnecessary-condition': [
    'apps/api/scripts/bench-reports.ts',
    'apps/api/scripts/seed-load.ts',
    'apps/api/test/access-matrix.ts',
    'apps/api/test/instances.spec.ts',
    'apps/api/test/payload-corpus.spec.ts',
    'apps/api/test/program-counters.spec.ts',
    'apps/api/test/routes.ts',
    'apps/api/test/schema-file.spec.ts',
    'apps/api/test/sql-files.spec.ts',
    'apps/api/test/workers.spec.ts',
    'apps/web/src/app/public-pages.spec.tsx',
    'apps/web/src/features/account/routes/my-data-page.tsx',
    'apps/web/src/features/glossary/components/save-word-button.tsx',
    'apps/web/src/features/glossary/components/term-popover.tsx',
    'apps/web/src/features/learning/queue/held-groups.ts',
    'apps/web/src/features/learning/routes/lesson-page.tsx',
    'apps/web/src/features/program/routes/cohort-members.spec.tsx',
    'apps/web/src/i18n/locales/index.ts',
    'apps/web/src/lib/api.spec.ts',
    'apps/web/src/test/mock-api.ts',
    'apps/web/src/test/render-app.tsx',
    'e2e/learner-first-use.spec.ts',
  ],
  // 12 finding(s)
  '@typescript-eslint/no-unnecessary-type-assertion': [
    'apps/api/test/csv-import.spec.ts',
    'apps/api/test/program-members.spec.ts',
    'apps/api/test/sql-statements.spec.ts',
    'e2e/learner-first-use.spec.ts',
  ],
  // 2 finding(s)
  '@typescript-eslint/no-unnecessary-type-conversion': [
    'apps/api/test/workers.spec.ts',
    'apps/web/src/features/glossary/components/save-word-button.tsx',
  ],
  // 2 finding(s)
  '@typescript-eslint/no-unsafe-argument': ['apps/api/scripts/bench-reports.ts', 'apps/api/scripts/seed-load.ts'],
  // 34 finding(s)
  '@typescript-eslint/no-unsafe-assignment': [
    'apps/api/scripts/bench-reports.ts',
    'apps/api/scripts/load-data.ts',
    'apps/api/scripts/seed-load.ts',
    'apps/web/src/lib/form.ts',
  ],
  // 27 finding(s)
  '@typescript-eslint/no-unsafe-call': ['apps/api/scripts/bench-reports.ts', 'apps/api/scripts/seed-load.ts'],
  // 1 finding(s)
  '@typescript-eslint/no-unsafe-enum-assignment': ['apps/api/test/learner-model.spec.ts'],
  // 51 finding(s)
  '@typescript-eslint/no-unsafe-member-access': [
    'apps/api/scripts/bench-reports.ts',
    'apps/api/scripts/load-data.ts',
    'apps/api/scripts/schema-dump.ts',
    'apps/api/scripts/seed-load.ts',
    'apps/web/src/features/learning/offline/personal-cache.ts',
  ],
  // 4 finding(s)
  '@typescript-eslint/no-unsafe-return': ['apps/api/scripts/load-data.ts', 'apps/api/scripts/seed-load.ts'],
  // 1 finding(s)
  '@typescript-eslint/no-unused-vars': ['apps/api/test/model/learner-world.ts'],
  // 20 finding(s)
  '@typescript-eslint/require-await': [
    'apps/api/test/access-matrix.ts',
    'apps/web/src/components/course/lesson-view.spec.tsx',
    'apps/web/src/components/course/quiz-play.spec.tsx',
    'apps/web/src/features/learning/queue/event-queue.spec.ts',
    'apps/web/src/features/learning/queue/event-store.ts',
    'apps/web/src/lib/api.spec.ts',
  ],
  // 3 finding(s)
  '@typescript-eslint/restrict-plus-operands': ['apps/api/test/authoring.spec.ts', 'apps/api/test/program.spec.ts'],
  // 7 finding(s)
  '@typescript-eslint/restrict-template-expressions': [
    'apps/api/test/model/learner-world.ts',
    'apps/api/test/sql-statements.spec.ts',
  ],
  // 1 finding(s)
  'no-control-regex': ['apps/api/test/payload-corpus.spec.ts'],
  // 3 finding(s)
  'no-useless-assignment': ['apps/api/test/authoring.spec.ts', 'e2e/learner-first-use.spec.ts'],
};
