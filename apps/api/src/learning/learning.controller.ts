import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { slugParamSchema } from '@dari/contracts';
import { createZodDto } from 'nestjs-zod';
import { AnyRole, Auth, Public } from '../common/auth/decorators.js';
import type { AuthContext, DariRequest } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { CertificatesService } from './certificates.service.js';
import {
  CertificateCodeParamDto,
  CertificateDto,
  CertificatesDto,
  CertificateVerificationDto,
  CourseProgressDto,
  EnrolDto,
  EnrolmentDto,
  EventBatchDto,
  EventBatchResultDto,
  JournalDto,
  MyLearningDto,
  MyQuizAttemptsDto,
  MyQuizAttemptsQueryDto,
  UpdateCertificateDto,
} from './learning.dto.js';
import { LearningService } from './learning.service.js';

class SlugParamDto extends createZodDto(slugParamSchema) {}

/** A learner's own learning: only ever their own rows; anyone else's id answers 404. */
@ApiTags('learning')
@Controller()
@AnyRole()
export class LearningController {
  constructor(
    private readonly learning: LearningService,
    private readonly certificates: CertificatesService,
  ) {}

  /** One tap for an open course; the course code for a coded one. Re-enrolling after withdrawing works. */
  @Post('courses/:slug/enrol')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: EnrolmentDto })
  enrol(@Auth() auth: AuthContext, @Param() params: SlugParamDto, @Body() body: EnrolDto) {
    return this.learning.enrol(params.slug, body.code, auth);
  }

  @Get('courses/:slug/progress')
  @ZodResponse({ type: CourseProgressDto })
  progress(@Auth() auth: AuthContext, @Param() params: SlugParamDto) {
    return this.learning.courseProgress(params.slug, auth);
  }

  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: EnrolmentDto })
  withdraw(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.learning.withdraw(params.id, auth);
  }

  @Get('me/learning')
  @ZodResponse({ type: MyLearningDto })
  myLearning(@Auth() auth: AuthContext) {
    return this.learning.myLearning(auth);
  }

  /**
   * Learning events in batches (up to 100), each with an id made on the device: sending a batch
   * again records nothing twice. Each event gets its own result; refused ones say why.
   */
  @Post('progress/events')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: EventBatchResultDto })
  events(@Auth() auth: AuthContext, @Body() body: EventBatchDto) {
    return this.learning.recordEvents(body.events, auth);
  }

  @Get('me/journal')
  @ZodResponse({ type: JournalDto })
  journal(@Auth() auth: AuthContext) {
    return this.certificates.journal(auth);
  }

  /** My own attempts at one quiz (answers and what was right), so the player can show the last one again after a reload. */
  @Get('me/quiz-attempts')
  @ZodResponse({ type: MyQuizAttemptsDto })
  myQuizAttempts(@Auth() auth: AuthContext, @Query() query: MyQuizAttemptsQueryDto) {
    return this.certificates.quizAttempts(query.lessonId, auth);
  }

  @Get('me/certificates')
  @ZodResponse({ type: CertificatesDto })
  myCertificates(@Auth() auth: AuthContext) {
    return this.certificates.mine(auth);
  }

  @Patch('me/certificates/:id')
  @ZodResponse({ type: CertificateDto })
  renameCertificate(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: UpdateCertificateDto) {
    return this.certificates.rename(params.id, body.name, auth);
  }

  /** Public: anyone with the code sees the chosen name, the course, the date and validity; nothing else. Misses are throttled per address. */
  @Get('certificates/verify/:code')
  @Public()
  @ZodResponse({ type: CertificateVerificationDto })
  verify(@Param() params: CertificateCodeParamDto, @Req() req: DariRequest) {
    return this.certificates.verify(params.code, req.ip);
  }
}
