import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

const base = defaultSchema.attributes ?? {};

/**
 * GitHub's schema, tightened: fewer link protocols, images only by src and alt, and the few
 * classes our own plugins add (callouts, glossary terms). Raw HTML never reaches it (skipHtml).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => !['details', 'summary', 'picture', 'source'].includes(tag)),
    'mark',
    'aside',
  ],
  attributes: {
    ...base,
    img: ['src', 'alt', 'title'],
    mark: [['className', 'term', 'term-unknown'], 'dataTerm'],
    aside: [
      [
        'className',
        'callout',
        'callout-note',
        'callout-tip',
        'callout-important',
        'callout-warning',
        'callout-caution',
      ],
      ['role', 'note'],
    ],
    p: [['className', 'callout-title']],
    // A dated fact's place, filled in on the phone for its own day (remark-facts' placeholder mode).
    span: ['dataFact'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: [],
  },
};
