// A tiny local rule: TypeScript file names are kebab-case (`login-throttle.service.ts`,
// `use-autosave.ts`, `sign-in-page.spec.tsx`). Each dot-separated part of the name is
// lower-case words joined by single hyphens. TypeORM migrations keep their generator's
// `<timestamp>-<ClassName>.ts` names, since the class name is what TypeORM records.
import path from 'node:path';

const KEBAB_PART = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIGRATION = /^\d+-[A-Z][A-Za-z0-9]*\.ts$/;

/** @type {import('eslint').Rule.RuleModule} */
export const kebabCaseFileNames = {
  meta: {
    type: 'suggestion',
    docs: { description: 'TypeScript file names are kebab-case' },
    schema: [],
    messages: {
      notKebab:
        "File name '{{name}}' is not kebab-case (lower-case words joined by hyphens, e.g. 'login-throttle.service.ts').",
    },
  },
  create(context) {
    return {
      Program(node) {
        const file = context.physicalFilename;
        const name = path.basename(file);
        if (path.basename(path.dirname(file)) === 'migrations' && MIGRATION.test(name)) return;
        const parts = name.replace(/\.tsx?$/, '').split('.');
        if (!parts.every((part) => KEBAB_PART.test(part))) {
          context.report({ node, messageId: 'notKebab', data: { name } });
        }
      },
    };
  },
};

export default { rules: { 'kebab-case-file-names': kebabCaseFileNames } };
