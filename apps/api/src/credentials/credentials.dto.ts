import { createZodDto } from 'nestjs-zod';
import {
  credentialQuerySchema,
  credentialStateSchema,
  credentialVerificationSchema,
  didDocumentSchema,
  issuerSchema,
  revokeCredentialSchema,
  revokedCredentialSchema,
  statusListParamSchema,
  updateIssuerSchema,
  verifiableCredentialSchema,
  verifyCredentialBodySchema,
} from '@dari/contracts';

export class CredentialQueryDto extends createZodDto(credentialQuerySchema) {}
export class CredentialStateDto extends createZodDto(credentialStateSchema) {}
export class CredentialVerificationDto extends createZodDto(credentialVerificationSchema) {}
export class DidDocumentDto extends createZodDto(didDocumentSchema) {}
export class IssuerDto extends createZodDto(issuerSchema) {}
export class RevokeCredentialDto extends createZodDto(revokeCredentialSchema) {}
export class RevokedCredentialDto extends createZodDto(revokedCredentialSchema) {}
export class StatusListParamDto extends createZodDto(statusListParamSchema) {}
export class UpdateIssuerDto extends createZodDto(updateIssuerSchema) {}
export class VerifiableCredentialDto extends createZodDto(verifiableCredentialSchema) {}
export class VerifyCredentialBodyDto extends createZodDto(verifyCredentialBodySchema) {}
