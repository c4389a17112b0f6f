import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppException } from '../common/errors/app-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CredentialsService } from './credentials.service.js';
import { dataModelProblem } from './vc-data-model.js';

/*
 * The VC-API issuer endpoint the W3C VC 2.0 data-model test suite calls (docs/credentials.md,
 * "W3C VC 2.0 test suite"). DEVELOPMENT ONLY: it signs with the issuer key whatever credential
 * passes the data-model checks, so anyone who can reach it can mint credentials that verify as
 * Dari's. It exists only when DARI_VC_TEST_SUITE_ISSUER is set, and the configuration refuses that
 * flag with NODE_ENV=production (the default).
 *
 * It is a plain Fastify route, outside Nest's router: the suite is not a browser and sends neither
 * Dari's client header nor an Origin (the CSRF guard would refuse it), and the route table, the
 * access matrix and the payload corpus keep listing exactly the product's routes, flag or not.
 */

/** The API prefix (app.factory's API_PREFIX) and VC-API's issue path. */
export const VC_TEST_SUITE_ISSUE_PATH = '/api/v1/credentials/issue';

type Json = Record<string, unknown>;

/** The examples context the suite's credentials use: a fixed W3C document, bundled here (nothing is fetched). */
const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
const EXAMPLES_V2_DOCUMENT = { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } };

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

@Injectable()
export class VcTestSuiteIssuer implements OnModuleInit {
  private readonly log = new Logger('VcTestSuiteIssuer');
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapter: HttpAdapterHost,
    private readonly credentials: CredentialsService,
  ) {}

  /** Registers the route only when DARI_VC_TEST_SUITE_ISSUER is set; otherwise there is no such route at all. */
  onModuleInit(): void {
    // Not with the flag off, nor in a context without an HTTP server (the command-line tools).
    // Nest types it as always there; an application context (the command-line tools) has none.
    const http = this.adapter.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (!this.config.credentials.testSuiteIssuer || !http) return;
    const fastify = http.getInstance<FastifyInstance>();
    fastify.post(VC_TEST_SUITE_ISSUE_PATH, async (req, reply) => {
      try {
        const verifiableCredential = await this.issue(req.body);
        await reply.code(201).header('cache-control', 'no-store').send({ verifiableCredential });
      } catch (e) {
        if (!(e instanceof AppException)) throw e;
        await refuse(reply, e, req.id);
      }
    });
    this.log.warn(
      `DARI_VC_TEST_SUITE_ISSUER is on: POST ${VC_TEST_SUITE_ISSUE_PATH} signs what anyone sends with the issuer key (development only).`,
    );
  }

  /** VC-API "issue credential": `{credential, options}` → the credential with a proof, after the data-model checks. */
  async issue(body: unknown): Promise<Json> {
    if (!isObj(body) || !isObj(body['credential']))
      throw invalid(400, 'The body must be {"credential": {…}, "options": {…}}.');
    const unknown = Object.keys(body).filter((k) => k !== 'credential' && k !== 'options');
    if (unknown.length) throw invalid(400, `Unknown property in the body: ${unknown[0]}.`);
    if ('options' in body && !isObj(body['options'])) throw invalid(400, 'options must be an object.');
    const { did } = await this.credentials.issuer();
    const problem = dataModelProblem(body['credential'], did);
    if (problem) throw invalid(400, `credential: ${problem}.`);
    try {
      return await this.credentials.signAsIssuer(body['credential'], this.loader);
    } catch (e) {
      if (e instanceof AppException) throw e;
      // JSON-LD's safe mode (an undefined term, a redefined protected term, a context that cannot be
      // loaded offline) or the VC library's own checks.
      const message = e instanceof Error ? e.message : String(e);
      throw invalid(422, `credential: it cannot be signed as JSON-LD: ${message.slice(0, 300)}`);
    }
  }

  private readonly loader = async (url: string) =>
    url === EXAMPLES_V2
      ? { contextUrl: null, documentUrl: url, document: EXAMPLES_V2_DOCUMENT }
      : this.credentials.loader(url);
}

function invalid(status: 400 | 422, message: string): AppException {
  return new AppException(status, 'validation_failed', message);
}

async function refuse(reply: FastifyReply, e: AppException, requestId: string): Promise<void> {
  await reply
    .code(e.getStatus())
    .header('cache-control', 'no-store')
    .send({ status: e.getStatus(), code: e.code, message: e.message, requestId });
}
