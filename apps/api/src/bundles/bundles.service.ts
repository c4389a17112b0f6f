import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataSource, In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleManifestSchema,
  draftQuestionSchema,
  mediaLessonSchema,
  type AuthorCourse,
  type BundleManifest,
  type DraftText,
  type LessonContent,
  type Locale,
  type PublishedCourse,
  type PublishedLesson,
} from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { fieldErrors } from '../common/validation/zod-validation.pipe.js';
import {
  AuthoringService,
  CourseAccessService,
  CourseEntity,
  CourseModuleEntity,
  CourseVersionEntity,
  LessonEntity,
  PublishingService,
} from '../courses/index.js';
import { MediaEntity, MediaService } from '../media/index.js';
import { json, readText, text, unzipBundle, zipBundle, type BundleFiles } from './bundle-files.js';

const MEDIA_URL = /\/api\/v1\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;
const BUNDLE_MEDIA = /\]\(media\/([a-z0-9][a-z0-9._-]*)/g;
const LANGS = ['ko', 'en', 'zh'] as const;

// Bundles exported from an unfinished draft may hold an unfinished quiz: import it as a draft, and
// let publishing say what is missing. (The starter curriculum is held to the strict quizSchema.)
const draftQuizSchema = z.strictObject({
  passMark: z.number().int().min(0).max(100),
  shuffle: z.boolean(),
  questions: z.array(draftQuestionSchema).max(100),
});

const invalid = (message: string, fields?: { path: string; message: string }[]) =>
  new AppException(400, 'invalid_bundle', message, fields);

/** Localized text as bundles hold it: Korean, then English and Chinese only where written. */
function bundleText(t: DraftText): DraftText {
  return { ko: t.ko, ...(t.en ? { en: t.en } : {}), ...(t.zh ? { zh: t.zh } : {}) };
}

/** Markdown files end with exactly one newline; the database keeps the text without it. */
const mdFile = (s: string) => text(`${s.replace(/\s+$/, '')}\n`);
const mdText = (b: Uint8Array) => readText(b).replace(/\r\n/g, '\n').replace(/\s+$/, '');

/**
 * Course bundles (docs/bundle-format.md): export a draft or a published version as a folder of
 * JSON and Markdown with its media, import one as a new draft. Export → import → export gives the
 * same bytes.
 */
@Injectable()
export class BundlesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
    private readonly authoring: AuthoringService,
    private readonly publishing: PublishingService,
    private readonly media: MediaService,
    private readonly audit: AuditService,
  ) {}

  async exportZip(
    courseId: string,
    auth: AuthContext,
    version?: number,
  ): Promise<{ filename: string; zip: Uint8Array }> {
    const course = await this.access.course(courseId, auth, 'read');
    let snapshot: PublishedCourse;
    if (version) {
      const row = await this.db.getRepository(CourseVersionEntity).findOneBy({ courseId: course.id, version });
      if (!row) throw AppException.notFound('version');
      snapshot = row.snapshot;
    } else {
      snapshot = await this.publishing.snapshot(course, null, this.db.manager);
    }
    const files = await this.toFiles(course, snapshot);
    return { filename: `${course.slug}${version ? `-v${version}` : ''}.zip`, zip: zipBundle(course.slug, files) };
  }

  async toFiles(course: CourseEntity, c: PublishedCourse): Promise<BundleFiles> {
    const files: BundleFiles = new Map();
    const mediaIds = new Set<string>();
    const collect = (s: string) => {
      for (const m of s.matchAll(MEDIA_URL)) mediaIds.add(m[1]);
    };
    const lessons = c.modules.flatMap((mod) => mod.lessons);
    for (const l of lessons) for (const s of markdownOf(l.content)) collect(s);
    for (const l of lessons) if (l.content.kind === 'media' && l.content.mediaId) mediaIds.add(l.content.mediaId);
    if (c.coverMediaId) mediaIds.add(c.coverMediaId);
    const rows = mediaIds.size
      ? await this.db.getRepository(MediaEntity).find({ where: { id: In([...mediaIds]), courseId: course.id } })
      : [];
    const nameOf = new Map(rows.map((r) => [r.id, r.filename]));
    for (const r of rows) files.set(`media/${r.filename}`, await this.media.readBytes(r));
    const toBundleRefs = (s: string) =>
      s.replace(MEDIA_URL, (whole, id: string) => (nameOf.has(id) ? `media/${nameOf.get(id)}` : whole));

    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      slug: c.slug,
      language: c.language,
      ...languagesOf(c),
      title: bundleText(c.title),
      summary: bundleText(c.summary),
      tags: c.tags,
      estimatedMinutes: Math.max(
        1,
        lessons.reduce((n, l) => n + l.estimatedMinutes, 0),
      ),
      enrolmentPolicy: course.enrolmentPolicy,
      sequential: c.sequential,
      cover: c.coverMediaId && nameOf.has(c.coverMediaId) ? `media/${nameOf.get(c.coverMediaId)}` : null,
      modules: c.modules.map((mod) => ({
        key: mod.key,
        title: bundleText(mod.title),
        lessons: mod.lessons.map((l) => ({
          key: l.key,
          kind: l.kind,
          title: bundleText(l.title),
          required: l.required,
          estimatedMinutes: l.estimatedMinutes,
          contentNote: l.contentNote ? bundleText(l.contentNote) : null,
        })),
      })),
    };
    files.set('course.json', json(manifest));
    for (const l of lessons) {
      const md = (t: DraftText) => {
        for (const lang of LANGS)
          if (t[lang]?.trim()) files.set(`lessons/${l.key}.${lang}.md`, mdFile(toBundleRefs(t[lang])));
      };
      const content = l.content;
      if (content.kind === 'reading') md(content.body);
      if (content.kind === 'reflection') md(content.prompt);
      if (content.kind === 'media') {
        md(content.transcript);
        const file = content.mediaId && nameOf.has(content.mediaId) ? `media/${nameOf.get(content.mediaId)}` : null;
        files.set(`lessons/${l.key}.media.json`, json({ mediaType: content.mediaType, file, url: content.url }));
      }
      if (content.kind === 'quiz') {
        files.set(
          `lessons/${l.key}.quiz.json`,
          json({
            passMark: content.passMark,
            shuffle: content.shuffle,
            questions: content.questions.map((q) => ({
              key: q.key,
              prompt: bundleText(q.prompt),
              explanation: bundleText(q.explanation),
              type: q.type,
              ...(q.type === 'single' || q.type === 'multiple'
                ? { options: q.options.map((o) => ({ key: o.key, text: bundleText(o.text), correct: o.correct })) }
                : {}),
              ...(q.type === 'true_false' ? { answer: q.answer } : {}),
            })),
          }),
        );
      }
    }
    return files;
  }

  async importZip(
    zip: Uint8Array,
    auth: AuthContext,
    slug: string | undefined,
    requestId: string,
  ): Promise<AuthorCourse> {
    let files: BundleFiles;
    try {
      files = unzipBundle(zip);
    } catch (e) {
      throw invalid((e as Error).message);
    }
    const course = await this.db.transaction(async (m) => this.importFiles(m, files, { ownerId: auth.userId, slug }));
    await this.audit.record({
      actorId: auth.userId,
      action: 'course.imported',
      requestId,
      details: { courseId: course.id },
    });
    return this.authoring.get(course.id, auth);
  }

  /** Reads a bundle folder from disk (the starter curriculum). */
  async readFolder(dir: string): Promise<BundleFiles> {
    const files: BundleFiles = new Map();
    const walk = async (rel: string) => {
      for (const entry of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
        const p = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.name.startsWith('.')) continue;
        if (entry.isDirectory()) await walk(p);
        else files.set(p, await fs.readFile(path.join(dir, p)));
      }
    };
    await walk('');
    return files;
  }

  /** Creates a draft course from bundle files; every problem is a 400 naming the file and field. */
  async importFiles(
    m: EntityManager,
    files: BundleFiles,
    opts: { ownerId: string | null; slug?: string },
  ): Promise<CourseEntity> {
    const manifestBytes = files.get('course.json');
    if (!manifestBytes) throw invalid('The bundle has no course.json.');
    const manifest = this.parse(bundleManifestSchema, manifestBytes, 'course.json');
    const lessons = manifest.modules.flatMap((mod) => mod.lessons);
    const keys = [...manifest.modules.map((mod) => mod.key), ...lessons.map((l) => l.key)];
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup)
      throw invalid(`The key "${dup}" is used twice in course.json.`, [
        { path: 'course.json', message: `key "${dup}" is not unique` },
      ]);
    for (const p of files.keys()) {
      if (
        !/^(course\.json|lessons\/[a-z0-9][a-z0-9-]*\.(ko|en|zh)\.md|lessons\/[a-z0-9][a-z0-9-]*\.(quiz|media)\.json|media\/[a-z0-9][a-z0-9._-]*)$/.test(
          p,
        )
      ) {
        throw invalid(`The bundle holds a file Dari does not know: ${p.slice(0, 120)}`, [
          { path: p.slice(0, 120), message: 'is not part of the bundle format' },
        ]);
      }
    }

    const slug = opts.slug ?? manifest.slug;
    const course = await this.authoring
      .insertCourse(m, {
        slug,
        title: manifest.title,
        summary: manifest.summary,
        language: manifest.language,
        tags: manifest.tags,
        enrolmentPolicy: manifest.enrolmentPolicy,
        sequential: manifest.sequential,
        ownerId: opts.ownerId,
      })
      .catch((e: unknown) => {
        // Importing a course back onto the server it came from: offer a free address name to import it under.
        if (!(e instanceof AppException) || e.code !== 'slug_taken') throw e;
        const error = new AppException(
          409,
          'slug_taken',
          `Another course here already uses the address name "${slug}". Import it under another one, such as "${e.suggestedSlug}".`,
          [{ path: 'query.slug', message: 'is already taken' }],
        );
        error.suggestedSlug = e.suggestedSlug;
        throw error;
      });
    // Media first, so Markdown and media lessons can point at them.
    const idOf = new Map<string, string>();
    for (const [p, bytes] of [...files]
      .filter(([p]) => p.startsWith('media/'))
      .sort(([a], [b]) => a.localeCompare(b))) {
      const name = p.slice('media/'.length);
      try {
        const row = await this.media.storeBytes(m, course.id, opts.ownerId, name, bytes);
        idOf.set(name, row.id);
      } catch (e) {
        if (e instanceof AppException) throw invalid(`${p}: ${e.message}`, [{ path: p, message: e.message }]);
        throw e;
      }
    }
    const toDariRefs = (s: string, file: string) =>
      s.replace(BUNDLE_MEDIA, (_whole, name: string) => {
        const id = idOf.get(name);
        if (!id)
          throw invalid(`${file} refers to media/${name}, which is not in the bundle.`, [
            { path: file, message: `media/${name} is missing` },
          ]);
        return `](/api/v1/media/${id}`;
      });
    // A missing Markdown file is an empty text: drafts may be unfinished; publishing checks.
    const mdOf = (key: string): DraftText => {
      const t: DraftText = { ko: '' };
      for (const lang of LANGS) {
        const file = `lessons/${key}.${lang}.md`;
        const bytes = files.get(file);
        if (bytes) t[lang] = toDariRefs(mdText(bytes), file);
      }
      return t;
    };

    if (manifest.cover) {
      const id = idOf.get(manifest.cover.slice('media/'.length));
      if (!id)
        throw invalid(`The cover ${manifest.cover} is not in the bundle.`, [
          { path: 'course.json.cover', message: 'names a missing file' },
        ]);
      await m.update(CourseEntity, { id: course.id }, { coverMediaId: id });
    }
    for (const [i, mod] of manifest.modules.entries()) {
      const row = await m.save(
        m.create(CourseModuleEntity, { courseId: course.id, key: mod.key, position: i, title: mod.title }),
      );
      for (const [j, l] of mod.lessons.entries()) {
        let content: LessonContent;
        if (l.kind === 'reading') content = { kind: 'reading', body: mdOf(l.key) };
        else if (l.kind === 'reflection') content = { kind: 'reflection', prompt: mdOf(l.key) };
        else if (l.kind === 'quiz') {
          const file = `lessons/${l.key}.quiz.json`;
          const bytes = files.get(file);
          if (!bytes) throw invalid(`${file} is missing.`, [{ path: file, message: 'is required' }]);
          const quiz = this.parse(draftQuizSchema, bytes, file);
          content = { kind: 'quiz', passMark: quiz.passMark, shuffle: quiz.shuffle, questions: quiz.questions };
        } else {
          const file = `lessons/${l.key}.media.json`;
          const bytes = files.get(file);
          if (!bytes) throw invalid(`${file} is missing.`, [{ path: file, message: 'is required' }]);
          const media = this.parse(mediaLessonSchema, bytes, file);
          const mediaId = media.file ? idOf.get(media.file.slice('media/'.length)) : null;
          if (media.file && !mediaId)
            throw invalid(`${file} names ${media.file}, which is not in the bundle.`, [
              { path: file, message: 'names a missing file' },
            ]);
          content = {
            kind: 'media',
            mediaType: media.mediaType,
            mediaId: mediaId ?? null,
            url: media.url,
            transcript: mdOf(l.key),
          };
        }
        await m.save(
          m.create(LessonEntity, {
            courseId: course.id,
            moduleId: row.id,
            key: l.key,
            position: j,
            kind: l.kind,
            title: l.title,
            required: l.required,
            estimatedMinutes: l.estimatedMinutes,
            contentNote: l.contentNote,
            content,
          }),
        );
      }
    }
    return m.findOneByOrFail(CourseEntity, { id: course.id });
  }

  private parse<T>(schema: z.ZodType<T>, bytes: Uint8Array, file: string): T {
    let value: unknown;
    try {
      value = JSON.parse(readText(bytes));
    } catch {
      throw invalid(`${file} is not valid JSON.`, [{ path: file, message: 'is not valid JSON' }]);
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      const fields = fieldErrors(result.error, file);
      throw invalid(`${fields[0].path}: ${fields[0].message}`, fields);
    }
    return result.data;
  }
}

function markdownOf(c: LessonContent): string[] {
  const all = (t: DraftText) => LANGS.map((l) => t[l] ?? '');
  if (c.kind === 'reading') return all(c.body);
  if (c.kind === 'reflection') return all(c.prompt);
  if (c.kind === 'media') return all(c.transcript);
  return [];
}

export type { PublishedLesson };

/**
 * The languages the course is complete in, for course.json: Korean, and English or Chinese when every
 * text of the course (titles, summary, content notes, every lesson's body and quiz texts) has them.
 * Not stored: worked out from the course itself, so export → import → export gives the same bytes.
 * Korean alone is left unsaid (absent means Korean only, as in bundles made before the field).
 */
export function languagesOf(c: PublishedCourse): { languages?: Locale[] } {
  const texts: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof (v as { ko?: unknown }).ko === 'string') texts.push(v as Record<string, unknown>);
      else Object.values(v).forEach(walk);
    }
  };
  walk([
    c.title,
    c.summary,
    c.modules.map((mod) => [mod.title, mod.lessons.map((l) => [l.title, l.contentNote, l.content])]),
  ]);
  const complete = (['en', 'zh'] as const).filter((lang) =>
    texts.every((t) => (typeof t[lang] === 'string' && t[lang].trim() !== '') || (t.ko as string).trim() === ''),
  );
  return complete.length ? { languages: ['ko', ...complete] } : {};
}
