import 'reflect-metadata';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { HelmetOptions } from 'helmet';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { SessionsService } from './auth/index.js';
import { answerWhileDraining } from './common/errors/drain.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import type { AppConfig } from './config/app-config.js';
import type { DariMetrics } from './metrics/index.js';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** The built web app: apps/web/dist, seen from apps/api/src or apps/api/dist. */
export function webDistDir(config: AppConfig): string {
  return config.webDist ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');
}

/**
 * Builds the whole app (not listening yet): used by `npm start`, the tests and the benchmarks alike.
 * `metrics`: count every answer into these Prometheus metrics (served on their own port by the caller).
 */
export async function createApp(
  config: AppConfig,
  { metrics, ...options }: Omit<AppModuleOptions, 'indexHtml'> & { metrics?: DariMetrics } = {},
): Promise<NestFastifyApplication> {
  const webDir = webDistDir(config);
  const indexFile = path.join(webDir, 'index.html');
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;

  const adapter = new FastifyAdapter({
    // The same id in the log line, the error body and audit events. pino-http reuses raw.id.
    genReqId: (raw: IncomingMessage) => {
      const id = randomUUID();
      raw.id = id;
      return id;
    },
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: 'idle',
    // Late requests during the drain get the usual error shape instead (answerWhileDraining, below).
    return503OnClosing: false,
    // did:web resolves a DID to /.well-known/did.json: the same answer as the API's credentials.did.
    rewriteUrl: (req: IncomingMessage) =>
      req.url === '/.well-known/did.json' ? `/${API_PREFIX}/credentials/did.json` : (req.url ?? '/'),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { ...options, indexHtml, progressEvents: metrics }),
    adapter,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options bag as a class; a literal is its documented form (an instance would set every option to undefined)
    {
      bufferLogs: true,
      // JSON only: no form-encoded bodies (a cross-site form's format) and, below, no text/plain.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);

  await app.register(fastifyCookie);
  // Answers compressed when the client accepts it: `npm start` has no proxy in front to do it, and a
  // course with all its lessons is ~125 KiB of JSON (~40 KiB brotli) on a phone's slow link. What gets
  // compressed is the plugin's choice by content type (JSON, text, CSV — mime-db's "compressible"):
  // the CSV exports still stream (the rows go through the compressor as they come, back-pressure
  // kept; checked with curl --compressed); media (images, audio, video, ranges) and zip downloads are
  // not compressible types or are partial, and the web assets are served precompressed (.br/.gz from
  // the build) — the plugin passes on anything that already has a content-encoding. Nothing under
  // 1 KiB (progress acknowledgements, /me): not worth a compression frame. Brotli at quality 4, the
  // plugin's default (~2 ms for a course; 11 costs ~150 ms per answer). Behind the compose proxy,
  // Caddy passes an already encoded answer through, so this work now happens in the API process there
  // too.
  await app.register(fastifyCompress, { threshold: 1024 });
  // Uploads: one file per request; the media service applies the per-type limits.
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Helmet's headers on every answer, computed once (common/http/security-headers.ts).
  registerSecurityHeaders(fastify, SECURITY_HEADERS);
  metrics?.instrument(fastify);
  metrics?.watchSessionCache(app.get(SessionsService).cache);
  answerWhileDraining(fastify);
  fastify.removeContentTypeParser('text/plain');
  // JSON must be UTF-8 (RFC 8259): invalid bytes (overlong forms, stray continuation bytes) are a 400,
  // not text silently patched with U+FFFD. Fastify's own parser does the rest (proto poisoning refused).
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(
        Object.assign(new Error('The body is not valid UTF-8.'), {
          statusCode: 400,
          code: 'FST_ERR_CTP_INVALID_JSON_BODY',
        }),
        undefined,
      );
      return;
    }
    // The parser answers through done; the promise its type also allows is not used.
    void parseJson(req, text, done);
  });
  // With DARI_PUBLIC_URL set, only that name and the machine's own (health checks, the local proxy)
  // reach Dari: a request for any other Host is refused (DNS rebinding, a stray virtual host).
  const allowedHosts = config.publicUrl ? allowedHostnames(config.publicUrl, config.host) : null;
  if (allowedHosts) {
    fastify.addHook('onRequest', async (req, reply) => {
      if (allowedHosts.has(hostnameOf(req.headers.host))) return;
      await reply
        .code(421)
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .send({
          status: 421,
          code: 'wrong_host',
          message: 'This address does not belong to this Dari server.',
          requestId: req.id,
        });
    });
  }
  fastify.addHook('onSend', async (req, reply) => {
    // API answers are private and change: never cached, unless a route chose otherwise (media files).
    if (req.url.startsWith('/api/') && !reply.getHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
    // Dari uses none of these; a script that got in could not either.
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (req.protocol === 'https') void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  if (indexHtml) {
    app.useStaticAssets({
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      // The .br/.gz files `npm run build` puts beside each text asset (scripts/precompress-web.mjs).
      preCompressed: true,
      // @fastify/static 10 passes the Fastify reply here, whatever its type says.
      setHeaders: (reply: unknown, file: string) => {
        (reply as { header: (k: string, v: string) => void }).header('cache-control', webCacheControl(webDir, file));
      },
    });
  }

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dari API')
      .setDescription('Dari learning platform, API v1. Sessions are an HttpOnly cookie set by POST /api/v1/auth/login.')
      .setVersion(config.version)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(openApi), { jsonDocumentUrl: 'api/docs-json' });

  await app.init();
  await fastify.ready();
  return app;
}

/** Helmet's options: the headers every answer carries (set once per request by registerSecurityHeaders). */
export const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // No 'unsafe-inline': the build has no inline <style> or style="" (React's style prop goes
      // through the DOM, which CSP does not police); e2e fails on any CSP refusal.
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      mediaSrc: ["'self'", 'blob:'],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
  crossOriginEmbedderPolicy: false,
  // HSTS only on answers that came over HTTPS (below): over plain HTTP it means nothing, and on a
  // test or LAN address it would pin a name to HTTPS by mistake.
  strictTransportSecurity: false,
};

/**
 * How long a browser keeps a file of the built web app. A file whose name carries its content hash
 * (everything under assets/, Workbox's runtime) never changes: a year, immutable, so a return visit
 * asks for none of them. Everything else keeps its name across releases (index.html, the service
 * worker sw.js and registerSW.js, the manifest, the icon): `no-cache`, revalidated on every use
 * (ETag/Last-Modified, a 304 when unchanged), so a new release is seen at once.
 */
export function webCacheControl(webDir: string, file: string): string {
  const name = path
    .relative(webDir, file)
    .split(path.sep)
    .join('/')
    .replace(/\.(br|gz)$/, '');
  return name.startsWith('assets/') || /^workbox-[0-9a-f]{8,}\.js$/.test(name)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()';

/** The names a request may carry in Host when DARI_PUBLIC_URL is set: the public one, and the machine's own. */
export function allowedHostnames(publicUrl: string, listenHost: string): Set<string> {
  const names = new Set([new URL(publicUrl).hostname.toLowerCase(), 'localhost', '127.0.0.1', '[::1]', '::1']);
  if (listenHost && listenHost !== '0.0.0.0' && listenHost !== '::') names.add(listenHost.toLowerCase());
  return names;
}

/** The name in a Host header, without its port ("[::1]:3000" → "[::1]"). */
export function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0];
}
