// What other features may use of credentials: the learner's panel on the certificate page.
export { CredentialPanel } from './components/credential-panel';
