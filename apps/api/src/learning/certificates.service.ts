import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Certificate } from '@dari/contracts';
import { LoginThrottleService } from '../auth/index.js';
import { CredentialsService } from '../credentials/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { formatCode } from '../access/completion.js';
import * as q from './learning.queries.js';
import { SnapshotCacheService } from './snapshot-cache.service.js';

type Row = q.CertificateRow;

/** Certificates, the learner's journal, and the public verification of a certificate code. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly snapshots: SnapshotCacheService,
    private readonly credentials: CredentialsService,
  ) {}

  private view(r: Row, credential?: Certificate['credential']): Certificate {
    return {
      id: r.id,
      code: formatCode(r.code),
      courseId: r.course_id,
      courseTitle: r.course_title,
      name: r.name,
      issuedAt: r.issued_at.toISOString(),
      valid: r.revoked_at === null,
      // A certificate the organisation revoked has a revoked credential, whatever the learner did.
      credential: r.revoked_at ? { ...credential, state: 'revoked' } : (credential ?? { state: 'none' }),
    };
  }

  async mine(auth: AuthContext) {
    const [rows, states] = await Promise.all([
      q.myCertificates(this.db, auth.userId),
      this.credentials.states(auth.userId),
    ]);
    return { items: rows.map((r) => this.view(r, states.get(r.id))) };
  }

  /** The name on the certificate is the learner's choice (a nickname is fine). */
  async rename(id: string, name: string, auth: AuthContext): Promise<Certificate> {
    const row = await q.renameCertificate(this.db, id, auth.userId, name);
    if (!row) throw AppException.notFound('certificate');
    return this.view(row, (await this.credentials.states(auth.userId)).get(id));
  }

  /**
   * Public: only the chosen name, the course, the date and whether it is still valid. Every lookup
   * counts against the caller's address before the code is looked at (so a guess past the limit
   * learns nothing, not even from a right code); a lookup that finds a certificate gives its count
   * back, so only misses add up and checking real certificates is never limited.
   */
  async verify(code: string, ip: string) {
    await this.throttle.hit('verify_ip', ip);
    const r = await q.certificateByCode(this.db, code.replace(/-/g, ''));
    if (!r) throw AppException.notFound('certificate');
    await this.throttle.forgive('verify_ip', ip);
    return {
      name: r.name,
      courseTitle: r.course_title,
      issuedAt: r.issued_at.toISOString(),
      valid: r.revoked_at === null,
    };
  }

  /** The caller's own graded attempts at one quiz, newest first: another learner's never show (the query is by the caller's id). */
  async quizAttempts(lessonId: string, auth: AuthContext) {
    const rows = await q.myQuizAttempts(this.db, auth.userId, lessonId);
    // Every attempt is at the same quiz: its right answers as published now (the page shows that version).
    const latest = rows.at(0);
    const review =
      latest?.latest_version != null
        ? await this.snapshots.review(latest.course_id, latest.latest_version, lessonId)
        : {};
    return {
      items: rows.map((r) => ({
        review,
        lessonId,
        answers: r.answers,
        correct: r.correct,
        score: r.score,
        passed: r.passed,
        submittedAt: r.submitted_at.toISOString(),
      })),
    };
  }

  async journal(auth: AuthContext) {
    const rows = await q.myJournal(this.db, auth.userId);
    return {
      items: rows.map((r) => ({
        lessonId: r.lesson_id,
        courseId: r.course_id,
        courseTitle: r.course_title,
        lessonTitle: r.lesson_title ?? { ko: '' },
        text: r.text,
        shared: r.shared,
        updatedAt: r.updated_at.toISOString(),
      })),
    };
  }
}
