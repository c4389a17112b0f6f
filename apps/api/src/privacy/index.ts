/** What other features may use of privacy. */
export { PrivacyModule } from './privacy.module.js';
