import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Certificate, DraftText } from '@dari/contracts';
import { LoginThrottleService } from '../auth/login-throttle.service.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { formatCode } from './completion.js';

interface Row {
  id: string;
  code: string;
  course_id: string;
  course_title: DraftText;
  name: string;
  issued_at: Date;
  revoked_at: Date | null;
}

/** Certificates, the learner's journal, and the public verification of a certificate code. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
  ) {}

  private view(r: Row): Certificate {
    return {
      id: r.id,
      code: formatCode(r.code),
      courseId: r.course_id,
      courseTitle: r.course_title,
      name: r.name,
      issuedAt: r.issued_at.toISOString(),
      valid: r.revoked_at === null,
    };
  }

  async mine(auth: AuthContext) {
    const rows: Row[] = await this.db.query(`SELECT * FROM certificates WHERE user_id = $1 ORDER BY issued_at DESC`, [
      auth.userId,
    ]);
    return { items: rows.map((r) => this.view(r)) };
  }

  /** The name on the certificate is the learner's choice (a nickname is fine). */
  async rename(id: string, name: string, auth: AuthContext): Promise<Certificate> {
    const rows: Row[] = await this.db.query(
      `WITH u AS (UPDATE certificates SET name = $3 WHERE id = $1 AND user_id = $2 RETURNING *) SELECT * FROM u`,
      [id, auth.userId, name],
    );
    if (!rows[0]) throw AppException.notFound('certificate');
    return this.view(rows[0]);
  }

  /**
   * Public: only the chosen name, the course, the date and whether it is still valid. Every lookup
   * counts against the caller's address before the code is looked at (so a guess past the limit
   * learns nothing, not even from a right code); a lookup that finds a certificate gives its count
   * back, so only misses add up and checking real certificates is never limited.
   */
  async verify(code: string, ip: string) {
    await this.throttle.hit('verify_ip', ip);
    const rows: Row[] = await this.db.query(`SELECT * FROM certificates WHERE code = $1 AND user_id IS NOT NULL`, [
      code.replace(/-/g, ''),
    ]);
    if (!rows[0]) throw AppException.notFound('certificate');
    await this.throttle.forgive('verify_ip', ip);
    const r = rows[0];
    return {
      name: r.name,
      courseTitle: r.course_title,
      issuedAt: r.issued_at.toISOString(),
      valid: r.revoked_at === null,
    };
  }

  /** The caller's own graded attempts at one quiz, newest first: another learner's never show (the query is by the caller's id). */
  async quizAttempts(lessonId: string, auth: AuthContext) {
    const rows: {
      answers: Record<string, string[] | boolean | string>;
      correct: Record<string, boolean>;
      score: number;
      passed: boolean;
      submitted_at: Date;
    }[] = await this.db.query(
      `SELECT answers, correct, score, passed, submitted_at FROM quiz_attempts WHERE user_id = $1 AND lesson_id = $2 ORDER BY submitted_at DESC LIMIT 20`,
      [auth.userId, lessonId],
    );
    return {
      items: rows.map((r) => ({
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
    const rows: {
      lesson_id: string;
      course_id: string;
      course_title: DraftText;
      lesson_title: DraftText | null;
      text: string;
      shared: boolean;
      updated_at: Date;
    }[] = await this.db.query(
      `SELECT j.lesson_id, j.course_id, v.meta->'title' AS course_title,
              (SELECT l->'title' FROM jsonb_array_elements(v.snapshot->'modules') m, jsonb_array_elements(m->'lessons') l WHERE l->>'id' = j.lesson_id::text) AS lesson_title,
              j.text, j.shared, j.updated_at
         FROM journal_entries j
         JOIN courses c ON c.id = j.course_id
         JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
        WHERE j.user_id = $1 ORDER BY j.updated_at DESC`,
      [auth.userId],
    );
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
