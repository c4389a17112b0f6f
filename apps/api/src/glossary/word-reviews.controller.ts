import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import {
  LEITNER_DAYS,
  wordReviewListSchema,
  wordReviewSchema,
  wordReviewStateSchema,
  type WordReviewState,
} from '@dari/contracts';
import { AnyRole, Auth } from '../common/auth/decorators.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import * as sql from './word-reviews.queries.js';

class WordReviewDto extends createZodDto(wordReviewSchema) {}
class WordReviewStateDto extends createZodDto(wordReviewStateSchema) {}
class WordReviewListDto extends createZodDto(wordReviewListSchema) {}

function view(r: {
  term_id: string;
  review_box: number;
  next_review_at: Date | null;
  reviewed_at: Date | null;
}): WordReviewState {
  return {
    termId: r.term_id,
    box: r.review_box,
    nextReviewAt: r.next_review_at?.toISOString() ?? null,
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
  };
}

/** Flashcards: each saved word's spaced-repetition state, the learner's own only. */
@ApiTags('glossary')
@Controller('me')
@AnyRole()
export class WordReviewsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('word-reviews')
  @ZodResponse({ type: WordReviewListDto })
  async list(@Auth() auth: AuthContext) {
    return { items: (await sql.listReviews(this.db, auth.userId)).map(view) };
  }

  /** "알았어요" (known: true) or "다시 볼래요" (known: false) for one saved word; 404 if it is not in the list. */
  @Post('words/:id/review')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: WordReviewStateDto })
  async review(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: WordReviewDto) {
    const row = await sql.recordReview(this.db, auth.userId, params.id, body.known, LEITNER_DAYS);
    if (!row) throw AppException.notFound('word');
    return view(row);
  }
}
