/**
 * One implementation of the lesson Markdown rules (allow-list, callouts, heading shift, dated facts,
 * [[term]] marks), used by the server's render at publish time and by the web's editor preview.
 * Imported as `@dari/contracts/markdown`, apart from the contracts, so the learner's pages load none of it.
 */
export * from './safe-url.js';
export * from './sanitize-schema.js';
export * from './remark-terms.js';
export * from './remark-callouts.js';
export * from './remark-facts.js';
export * from './rehype-shift-headings.js';
export * from './rehype-learner-links.js';
export * from './render.js';
export * from './fill-lesson-html.js';
