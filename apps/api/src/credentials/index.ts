/** What other features may use of credentials. */
export { CredentialsModule } from './credentials.module.js';
export { CredentialsService } from './credentials.service.js';
export {
  CredentialEntity,
  CredentialIssuerEntity,
  CredentialKeyEntity,
  CredentialStatusListEntity,
} from './credentials.entities.js';
