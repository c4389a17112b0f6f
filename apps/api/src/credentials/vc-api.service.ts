import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { VcApiIssue, VcApiIssued } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sign } from './credential-crypto.js';
import { CredentialsService } from './credentials.service.js';

/**
 * The VC-API issuer endpoint (`POST /vc-api/credentials/issue`) the W3C VC 2.0 data-model test suite
 * calls: signs whatever credential it is given with Dari's current key, as Dari's issuer. Off unless
 * DARI_VC_API_ISSUER=1 (then 404); with DARI_VC_API_TOKEN set, a `Bearer <token>` header is required.
 * Nothing it signs is stored. docs/credentials.md.
 */
@Injectable()
export class VcApiService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly credentials: CredentialsService,
  ) {}

  async issue(body: VcApiIssue, authorization: string | undefined): Promise<VcApiIssued> {
    const c = this.config.credentials;
    if (!c.vcApiIssuer) throw AppException.notFound('route');
    if (c.vcApiToken) {
      const given = Buffer.from(authorization ?? '');
      const want = Buffer.from(`Bearer ${c.vcApiToken}`);
      if (given.length !== want.length || !timingSafeEqual(given, want)) throw AppException.unauthenticated();
    }
    const key = await this.credentials.currentKey();
    const signer = await this.credentials.signerOf(key);
    const credential = { ...body.credential };
    const issuer = credential['issuer'];
    // The suite sends its own issuer id; the credential is Dari's, so it is signed as Dari's DID.
    credential['issuer'] = typeof issuer === 'object' && issuer !== null ? { ...issuer, id: signer.did } : signer.did;
    try {
      return {
        verifiableCredential: (await sign(
          credential,
          signer,
          this.credentials.loader,
        )) as VcApiIssued['verifiableCredential'],
      };
    } catch (e) {
      throw new AppException(
        400,
        'validation_failed',
        `The credential cannot be issued: ${(e as Error).message}`.slice(0, 500),
      );
    }
  }
}
