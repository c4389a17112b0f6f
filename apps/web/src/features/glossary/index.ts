// What other features may use of the glossary. Keep it small: whatever is exported here loads with it.
export { UnknownTermsHint, useGlossaryCheck } from './components/unknown-terms-hint';
// Glossary entries for other features' component tests (pure data, dropped from the build when unused).
export { makeTerm } from './test/terms';
