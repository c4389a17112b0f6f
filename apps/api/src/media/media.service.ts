import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MultipartFile } from '@fastify/multipart';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { Media } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext, DariReply } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CourseAccessService } from '../courses/index.js';
import { mediaForCaller } from './media.queries.js';
import { MediaEntity } from './media.entity.js';

const MB = 1024 * 1024;
/** What may be uploaded, judged by the bytes (never the name), and how large each kind may be. */
const ALLOWED: Record<string, { kind: 'image' | 'audio' | 'video'; max: number }> = {
  'image/png': { kind: 'image', max: 5 * MB },
  'image/jpeg': { kind: 'image', max: 5 * MB },
  'image/webp': { kind: 'image', max: 5 * MB },
  'image/gif': { kind: 'image', max: 5 * MB },
  'audio/mpeg': { kind: 'audio', max: 50 * MB },
  'audio/mp4': { kind: 'audio', max: 50 * MB },
  'audio/x-m4a': { kind: 'audio', max: 50 * MB },
  'audio/ogg': { kind: 'audio', max: 50 * MB },
  'video/mp4': { kind: 'video', max: 200 * MB },
  'video/webm': { kind: 'video', max: 200 * MB },
};
const invalidFile = () =>
  new AppException(
    400,
    'invalid_file',
    'This file type is not accepted. Upload a PNG, JPEG, WebP or GIF image, MP3, M4A or OGG audio, or MP4 or WebM video.',
    [{ path: 'body.file', message: 'is not an accepted image, audio or video file' }],
  );
const tooLarge = (max: number) =>
  new AppException(
    413,
    'file_too_large',
    `This file is too large: the limit for this kind of file is ${Math.round(max / MB)} MB.`,
    [{ path: 'body.file', message: `is larger than ${Math.round(max / MB)} MB` }],
  );

/** A name safe in URLs and bundles: lower-case ASCII letters, digits, dots and dashes. */
export function safeFilename(name: string, ext: string): string {
  const base = path
    .basename(name, path.extname(name))
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'file'}.${ext}`;
}

@Injectable()
export class MediaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: CourseAccessService,
  ) {}

  toView(row: MediaEntity): Media {
    return {
      id: row.id,
      courseId: row.courseId,
      filename: row.filename,
      contentType: row.contentType,
      size: row.size,
      url: `/api/v1/media/${row.id}`,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async list(courseId: string, auth: AuthContext) {
    const course = await this.access.course(courseId, auth, 'read');
    const rows = await this.db
      .getRepository(MediaEntity)
      .find({ where: { courseId: course.id }, order: { createdAt: 'ASC' } });
    return { items: rows.map((r) => this.toView(r)) };
  }

  /** Streams the upload to disk, then trusts only what the bytes say it is. */
  async upload(courseId: string, file: MultipartFile | undefined, auth: AuthContext): Promise<Media> {
    const course = await this.access.course(courseId, auth, 'edit');
    if (!file)
      throw AppException.validation([
        { path: 'body.file', message: 'is required: send one file as multipart/form-data' },
      ]);
    const incoming = path.join(this.config.mediaDir, '.incoming');
    await fs.mkdir(incoming, { recursive: true });
    const tmp = path.join(incoming, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        file.file,
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
          },
        }),
        createWriteStream(tmp, { mode: 0o600 }),
      );
      if (file.file.truncated) throw tooLarge(200 * MB);
      const type = await fileTypeFromFile(tmp);
      const rule = type && ALLOWED[type.mime];
      if (!type || !rule) throw invalidFile();
      if (size > rule.max) throw tooLarge(rule.max);
      return await this.store(
        this.db.manager,
        course.id,
        auth.userId,
        file.filename,
        type.mime,
        type.ext,
        size,
        hash.digest('hex'),
        async (dest) => fs.rename(tmp, dest),
      );
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }

  /** Stores bytes that came with a bundle (already in memory). */
  async storeBytes(
    m: EntityManager,
    courseId: string,
    userId: string | null,
    name: string,
    bytes: Uint8Array,
  ): Promise<MediaEntity> {
    const type = await fileTypeFromBuffer(bytes);
    const rule = type && ALLOWED[type.mime];
    if (!type || !rule) throw invalidFile();
    if (bytes.length > rule.max) throw tooLarge(rule.max);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const view = await this.store(
      m,
      courseId,
      userId,
      name,
      type.mime,
      type.ext,
      bytes.length,
      sha,
      (dest) => fs.writeFile(dest, bytes, { mode: 0o600 }),
      name,
    );
    return m.findOneByOrFail(MediaEntity, { id: view.id });
  }

  async readBytes(row: MediaEntity): Promise<Uint8Array> {
    return fs.readFile(this.filePath(row.id));
  }

  private async store(
    m: EntityManager,
    courseId: string,
    userId: string | null,
    originalName: string,
    mime: string,
    ext: string,
    size: number,
    sha256: string,
    write: (dest: string) => Promise<void>,
    exactName?: string,
  ): Promise<Media> {
    await fs.mkdir(this.config.mediaDir, { recursive: true });
    const taken = new Set(
      (await m.find(MediaEntity, { where: { courseId }, select: { filename: true } })).map((r) => r.filename),
    );
    let filename =
      exactName && /^[a-z0-9][a-z0-9._-]*$/.test(exactName) && !taken.has(exactName)
        ? exactName
        : safeFilename(originalName, ext);
    for (let i = 2; taken.has(filename); i++) filename = filename.replace(/(-\d+)?(\.[a-z0-9]+)$/, `-${i}$2`);
    const id = randomUUID();
    await write(this.filePath(id));
    const row = await m.save(
      m.create(MediaEntity, { id, courseId, uploadedBy: userId, filename, contentType: mime, size, sha256 }),
    );
    return this.toView(row);
  }

  filePath(id: string): string {
    return path.join(this.config.mediaDir, id);
  }

  /**
   * Sends a file to someone who may see it: staff who may read the course, or anyone signed in
   * when the course has a published version open to learners. Supports byte ranges (video seeking).
   */
  async serve(id: string, auth: AuthContext, range: string | undefined, reply: DariReply): Promise<void> {
    // Look up, then decide: one statement answers for a missing file and for one the caller may not
    // see, so the two take the same time (a real id of someone else's file used to answer in
    // ~2.1 ms, a made-up one in ~1.4 ms). Only a file the caller may see costs more (the disk).
    const row = await mediaForCaller(this.db, id, auth.userId);
    const fileId = row.id;
    const allowed =
      fileId !== null &&
      (row.learner_visible ||
        auth.role === 'admin' ||
        auth.role === 'manager' ||
        (auth.role === 'instructor' && row.teaches));
    if (!allowed) throw AppException.notFound('file');
    const file = this.filePath(fileId);
    const size = (await fs.stat(file).catch(() => null))?.size;
    if (size === undefined) throw AppException.notFound('file');
    void reply
      .header('content-type', row.content_type)
      .header('cache-control', 'private, max-age=86400')
      .header('content-disposition', `inline; filename="${row.filename}"`)
      .header('accept-ranges', 'bytes');
    const m = range && /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    if (m && (m[1] || m[2])) {
      const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
      const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        void reply.status(416).header('content-range', `bytes */${size}`);
        return reply.send();
      }
      void reply
        .status(206)
        .header('content-range', `bytes ${start}-${end}/${size}`)
        .header('content-length', String(end - start + 1));
      return reply.send(createReadStream(file, { start, end }));
    }
    void reply.header('content-length', String(size));
    return reply.send(createReadStream(file));
  }
}
