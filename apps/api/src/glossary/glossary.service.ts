import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getChoseong } from 'es-hangul';
import { readFile } from 'node:fs/promises';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  glossaryFileSchema,
  type GlossaryQuery,
  type GlossaryTerm,
  type GlossaryTermEntry,
  type WordRequest,
} from '@dari/contracts';
import { GLOSSARY_FILE } from '@dari/curriculum';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { CourseAccessService } from '../courses/index.js';
import { NotificationsService } from '../notifications/index.js';
import { GlossaryTermEntity, WordRequestEntity } from './glossary.entities.js';
import { pgCode } from '../database/retry.js';
import * as sql from './glossary.queries.js';

const CONSONANTS_ONLY = /^[ㄱ-ㅎ\s]+$/u;
const like = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
/** 민주주의 → ㅁㅈㅈㅇ (spaces dropped), for initial-consonant search. */
export const initialsOf = (term: string) => getChoseong(term).replace(/\s+/g, '');
const termTaken = () =>
  new AppException(409, 'conflict', 'This term is already in the glossary.', [
    { path: 'body.term', message: 'is already in the glossary' },
  ]);

/** The North/South glossary, learners' word lists, and word requests. */
@Injectable()
export class GlossaryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
    private readonly notifications: NotificationsService,
  ) {}

  private view(t: sql.TermRow, saved: boolean): GlossaryTerm {
    return {
      id: t.id,
      term: t.term,
      northKorean: t.northKorean,
      explanation: t.explanation,
      gloss: { en: t.glossEn, zh: t.glossZh },
      example: t.example,
      tags: t.tags as GlossaryTerm['tags'],
      related: t.related,
      updatedAt: t.updatedAt.toISOString(),
      saved,
    };
  }

  private async savedSet(userId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    return sql.savedTerms(this.db, userId, ids);
  }

  private async views(terms: sql.TermRow[], auth: AuthContext): Promise<GlossaryTerm[]> {
    const saved = await this.savedSet(
      auth.userId,
      terms.map((t) => t.id),
    );
    return terms.map((t) => this.view(t, saved.has(t.id)));
  }

  async search(query: GlossaryQuery, auth: AuthContext) {
    const q = query.q?.normalize('NFC');
    const consonants = q !== undefined && CONSONANTS_ONLY.test(q);
    const filter = [
      q && consonants ? `${q.replace(/\s+/g, '')}%` : null,
      q && !consonants ? like(q) : null,
      query.tag ?? null,
    ] as const;
    const terms = await sql.termsPage(this.db, [...filter], query.pageSize, (query.page - 1) * query.pageSize);
    const total = await sql.countTerms(this.db, ...filter);
    return { items: await this.views(terms, auth), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, auth: AuthContext): Promise<GlossaryTerm> {
    const t = await this.db.getRepository(GlossaryTermEntity).findOneBy({ id });
    if (!t) throw AppException.notFound('term');
    return (await this.views([t], auth))[0];
  }

  async lookup(names: string[], auth: AuthContext) {
    const terms = await this.db
      .getRepository(GlossaryTermEntity)
      .find({ where: { term: In([...new Set(names.map((n) => n.normalize('NFC')))]) } });
    return { items: await this.views(terms, auth) };
  }

  async create(entry: GlossaryTermEntry, auth: AuthContext, m: EntityManager = this.db.manager): Promise<GlossaryTerm> {
    await this.assertRelated(m, entry.related, entry.term);
    try {
      const t = await m.transaction((sm) =>
        sm.save(sm.create(GlossaryTermEntity, { ...this.columns(entry), updatedBy: auth.userId })),
      );
      return this.view(t, false);
    } catch (e) {
      if (pgCode(e) === '23505') throw termTaken();
      throw e;
    }
  }

  async update(id: string, patch: Partial<GlossaryTermEntry>, auth: AuthContext): Promise<GlossaryTerm> {
    return this.db.transaction(async (m) => {
      const t = await m.findOne(GlossaryTermEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw AppException.notFound('term');
      const merged: GlossaryTermEntry = { ...this.entryOf(t), ...patch };
      await this.assertRelated(m, merged.related, merged.term);
      Object.assign(t, this.columns(merged), { updatedBy: auth.userId });
      try {
        await m.save(t);
      } catch (e) {
        if (pgCode(e) === '23505') throw termTaken();
        throw e;
      }
      return (await this.views([t], auth))[0];
    });
  }

  async remove(id: string): Promise<void> {
    const res = await this.db.getRepository(GlossaryTermEntity).delete({ id });
    if (!res.affected) throw AppException.notFound('term');
  }

  // ---- word list ----

  async words(auth: AuthContext) {
    const terms = await sql.wordList(this.db, auth.userId);
    return { items: terms.map((t) => this.view(t, true)) };
  }

  async saveWord(termId: string, auth: AuthContext): Promise<void> {
    if (!(await sql.termExists(this.db, termId))) throw AppException.notFound('term');
    await sql.saveWord(this.db, auth.userId, termId);
  }

  async unsaveWord(termId: string, auth: AuthContext): Promise<void> {
    await sql.unsaveWord(this.db, auth.userId, termId);
  }

  // ---- word requests ----

  /**
   * Asking again about a word that is still open (same learner, same word, same lesson or none) changes
   * nothing and returns the open request (`created: false`): a double tap or a second ask is not a second
   * request for the instructors.
   */
  async request(
    text: string,
    lessonId: string | undefined,
    auth: AuthContext,
  ): Promise<{ request: WordRequest; created: boolean }> {
    let courseId: string | null = null;
    if (lessonId) {
      // The lesson must be one the learner can take: a published lesson of a course they are in.
      const taken = await sql.takenLessonCourse(this.db, lessonId, auth.userId);
      if (!taken)
        throw AppException.validation([
          { path: 'body.lessonId', message: 'is not a lesson of a course you are taking' },
        ]);
      courseId = taken;
    }
    const { id, created } = await this.db.transaction(async (m) => {
      // Two asks at once (a double tap on two devices) queue here, so the second one finds the first.
      await sql.lockLearnerRequests(m, auth.userId);
      const open = await sql.openRequest(m, auth.userId, text, lessonId ?? null);
      if (open) return { id: open, created: false };
      const r = await m
        .getRepository(WordRequestEntity)
        .save({ userId: auth.userId, text, lessonId: lessonId ?? null, courseId, status: 'open' });
      return { id: r.id, created: true };
    });
    return { request: (await this.requestViews([id], auth, false))[0], created };
  }

  async myRequests(auth: AuthContext) {
    const ids = await sql.myRequestIds(this.db, auth.userId);
    return {
      items: await this.requestViews(ids, auth, false),
    };
  }

  /** Instructors see requests from their own courses; managers and admins see all. */
  async staffRequests(status: string | undefined, auth: AuthContext) {
    // No status given (NULL) means requests of every status, on purpose.
    let ids: string[];
    if (auth.role === 'instructor') {
      ids = await sql.instructorRequestIds(this.db, status ?? null, auth.userId);
    } else if (auth.role === 'manager' || auth.role === 'admin') {
      ids = await sql.allRequestIds(this.db, status ?? null);
    } else {
      throw AppException.forbidden();
    }
    return {
      items: await this.requestViews(ids, auth, true),
    };
  }

  /** Links (or creates) a term, and puts it in the learner's word list, where they see the answer. */
  async answer(
    id: string,
    input: { termId?: string; newTerm?: GlossaryTermEntry },
    auth: AuthContext,
  ): Promise<WordRequest> {
    await this.db.transaction(async (m) => {
      const r = await this.staffRequest(m, id, auth);
      let termId = input.termId;
      if (termId === undefined) {
        if (!input.newTerm) throw AppException.validation([{ path: 'body', message: 'needs termId or newTerm' }]);
        termId = (await this.create(input.newTerm, auth, m)).id;
      }
      if (!(await sql.termExists(m, termId)))
        throw AppException.validation([{ path: 'body.termId', message: 'is not a glossary term' }]);
      await m.update(
        WordRequestEntity,
        { id: r.id },
        { status: 'answered', termId, answeredBy: auth.userId, answeredAt: new Date() },
      );
      await sql.saveWord(m, r.userId, termId);
      // The learner is told in their inbox; the word is on their list, where they read the answer.
      await this.notifications.notify(m, [r.userId], {
        kind: 'word_request_answered',
        // The ref is the word request itself; the web links this kind to the learner's word list.
        ref: { type: 'question', id: r.id },
        data: { termId },
      });
    });
    return (await this.requestViews([id], auth, true))[0];
  }

  async dismiss(id: string, auth: AuthContext): Promise<WordRequest> {
    await this.db.transaction(async (m) => {
      const r = await this.staffRequest(m, id, auth);
      await m.update(
        WordRequestEntity,
        { id: r.id },
        { status: 'dismissed', answeredBy: auth.userId, answeredAt: new Date() },
      );
    });
    return (await this.requestViews([id], auth, true))[0];
  }

  /** Loads the starter glossary (libs/curriculum) into an empty glossary. */
  async seed(file = GLOSSARY_FILE): Promise<number> {
    if ((await sql.termCount(this.db)) > 0) return 0;
    const entries = glossaryFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    await this.db.transaction(async (m) => {
      for (let i = 0; i < entries.length; i += 200)
        await m.insert(
          GlossaryTermEntity,
          entries.slice(i, i + 200).map((e) => ({ ...this.columns(e), updatedBy: null })),
        );
    });
    return entries.length;
  }

  private async staffRequest(m: EntityManager, id: string, auth: AuthContext): Promise<WordRequestEntity> {
    const r = await m.findOne(WordRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!r) throw AppException.notFound('word request');
    if (auth.role === 'instructor') {
      if (!r.courseId) throw AppException.notFound('word request');
      try {
        await this.access.course(r.courseId, auth, 'edit', m);
      } catch {
        throw AppException.notFound('word request');
      }
    }
    return r;
  }

  private async requestViews(ids: string[], auth: AuthContext, staff: boolean): Promise<WordRequest[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .getRepository(WordRequestEntity)
      .find({ where: { id: In(ids) }, relations: { term: true } });
    const names = staff
      ? await sql.displayNames(
          this.db,
          rows.map((r) => r.userId),
        )
      : [];
    const saved = await this.savedSet(
      auth.userId,
      rows.flatMap((r) => (r.termId ? [r.termId] : [])),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids
      .flatMap((id) => {
        const r = byId.get(id);
        return r ? [r] : [];
      })
      .map((r) => ({
        id: r.id,
        text: r.text,
        status: r.status,
        lessonId: r.lessonId,
        courseId: r.courseId,
        askedBy: staff ? (names.find((n) => n.id === r.userId)?.display_name ?? null) : null,
        term: r.term ? this.view(r.term, saved.has(r.term.id)) : null,
        createdAt: r.createdAt.toISOString(),
        answeredAt: r.answeredAt?.toISOString() ?? null,
      }));
  }

  private columns(e: GlossaryTermEntry) {
    const term = e.term.normalize('NFC');
    return {
      term,
      initials: initialsOf(term),
      northKorean: e.northKorean,
      explanation: e.explanation,
      glossEn: e.gloss.en,
      glossZh: e.gloss.zh,
      example: e.example,
      tags: e.tags,
      related: e.related,
    };
  }

  private entryOf(t: GlossaryTermEntity): GlossaryTermEntry {
    return {
      term: t.term,
      northKorean: t.northKorean,
      explanation: t.explanation,
      gloss: { en: t.glossEn, zh: t.glossZh },
      example: t.example,
      tags: t.tags as GlossaryTermEntry['tags'],
      related: t.related,
    };
  }

  private async assertRelated(m: EntityManager, related: string[], self: string): Promise<void> {
    if (related.includes(self))
      throw AppException.validation([{ path: 'body.related', message: 'must not name the term itself' }]);
    if (!related.length) return;
    const found = await sql.existingTerms(m, related);
    const missing = related.filter((r) => !found.has(r));
    if (missing.length)
      throw AppException.validation([{ path: 'body.related', message: `not in the glossary: ${missing.join(', ')}` }]);
  }
}
