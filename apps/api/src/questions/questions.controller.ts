import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  answerQuestionSchema,
  askQuestionSchema,
  lessonQaItemSchema,
  lessonQaSchema,
  publishQuestionSchema,
  questionListSchema,
  questionQuerySchema,
  questionSchema,
} from '@dari/contracts';
import { AnyRole, Auth, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { QuestionsService } from './questions.service.js';

class AskQuestionDto extends createZodDto(askQuestionSchema) {}
class AnswerQuestionDto extends createZodDto(answerQuestionSchema) {}
class PublishQuestionDto extends createZodDto(publishQuestionSchema) {}
class QuestionQueryDto extends createZodDto(questionQuerySchema) {}
class QuestionDto extends createZodDto(questionSchema) {}
class QuestionListDto extends createZodDto(questionListSchema) {}
class LessonQaDto extends createZodDto(lessonQaSchema) {}
class LessonQaItemDto extends createZodDto(lessonQaItemSchema) {}

/** Questions to the instructor: learners ask privately; the course's instructors answer and may publish. */
@ApiTags('questions')
@Controller()
@AnyRole()
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  /** Asks the course's instructors about a lesson of a course I am in (20 a day). */
  @Post('lessons/:id/questions')
  @ZodResponse({ status: 201, type: QuestionDto })
  ask(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Body() body: AskQuestionDto,
  ) {
    return this.questions.ask(params.id, body.text, auth, requestId);
  }

  /** The lesson's published questions and answers, for the people of its course. */
  @Get('lessons/:id/qa')
  @ZodResponse({ type: LessonQaDto })
  lessonQa(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.questions.lessonQa(params.id, auth);
  }

  @Get('me/questions')
  @ZodResponse({ type: QuestionListDto })
  mine(@Auth() auth: AuthContext) {
    return this.questions.mine(auth);
  }

  /** Questions on the courses I own or co-teach. */
  @Get('questions')
  @Roles('instructor')
  @ZodResponse({ type: QuestionListDto })
  inbox(@Auth() auth: AuthContext, @Query() query: QuestionQueryDto) {
    return this.questions.inbox(query, auth);
  }

  @Post('questions/:id/answer')
  @Roles('instructor')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: QuestionDto })
  answer(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Body() body: AnswerQuestionDto,
  ) {
    return this.questions.answer(params.id, body.answer, auth, requestId);
  }

  /** Publishes my edited copy of an answered question, without the asker's name, under its lesson. */
  @Post('questions/:id/publish')
  @Roles('instructor')
  @ZodResponse({ status: 201, type: LessonQaItemDto })
  publish(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Body() body: PublishQuestionDto,
  ) {
    return this.questions.publish(params.id, body, auth, requestId);
  }

  /** Takes a published question and answer down from its lesson (the course's staff); audited. */
  @Post('qa/:id/unpublish')
  @Roles('instructor', 'manager', 'admin')
  @HttpCode(204)
  async unpublish(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: IdParamDto) {
    await this.questions.unpublish(params.id, auth, requestId);
  }
}
