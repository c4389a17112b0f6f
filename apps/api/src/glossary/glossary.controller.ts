import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  answerWordRequestSchema,
  createWordRequestSchema,
  glossaryLookupResultSchema,
  glossaryLookupSchema,
  glossaryPageSchema,
  glossaryQuerySchema,
  glossaryTermSchema,
  saveGlossaryTermSchema,
  updateGlossaryTermSchema,
  wordRequestListSchema,
  wordRequestQuerySchema,
  wordRequestSchema,
} from '@dari/contracts';
import { AnyRole, Auth, Roles } from '../common/auth/decorators.js';
import type { AuthContext, DariReply } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { GlossaryService } from './glossary.service.js';

class GlossaryQueryDto extends createZodDto(glossaryQuerySchema) {}
class GlossaryPageDto extends createZodDto(glossaryPageSchema) {}
class GlossaryTermDto extends createZodDto(glossaryTermSchema) {}
class SaveGlossaryTermDto extends createZodDto(saveGlossaryTermSchema) {}
class UpdateGlossaryTermDto extends createZodDto(updateGlossaryTermSchema) {}
class GlossaryLookupDto extends createZodDto(glossaryLookupSchema) {}
class GlossaryLookupResultDto extends createZodDto(glossaryLookupResultSchema) {}
class CreateWordRequestDto extends createZodDto(createWordRequestSchema) {}
class WordRequestDto extends createZodDto(wordRequestSchema) {}
class WordRequestListDto extends createZodDto(wordRequestListSchema) {}
class WordRequestQueryDto extends createZodDto(wordRequestQuerySchema) {}
class AnswerWordRequestDto extends createZodDto(answerWordRequestSchema) {}

/** Everyone reads the glossary; instructors, managers and admins keep it. */
@ApiTags('glossary')
@Controller()
@AnyRole()
export class GlossaryController {
  constructor(private readonly glossary: GlossaryService) {}

  @Get('glossary')
  @ZodResponse({ type: GlossaryPageDto })
  search(@Auth() auth: AuthContext, @Query() query: GlossaryQueryDto) {
    return this.glossary.search(query, auth);
  }

  /** The entries for a lesson's [[terms]] at once. */
  @Post('glossary/lookup')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: GlossaryLookupResultDto })
  lookup(@Auth() auth: AuthContext, @Body() body: GlossaryLookupDto) {
    return this.glossary.lookup(body.terms, auth);
  }

  @Get('glossary/:id')
  @ZodResponse({ type: GlossaryTermDto })
  get(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.glossary.get(params.id, auth);
  }

  @Post('glossary')
  @Roles('instructor', 'manager', 'admin')
  @ZodResponse({ status: 201, type: GlossaryTermDto })
  create(@Auth() auth: AuthContext, @Body() body: SaveGlossaryTermDto) {
    return this.glossary.create(body, auth);
  }

  @Patch('glossary/:id')
  @Roles('instructor', 'manager', 'admin')
  @ZodResponse({ type: GlossaryTermDto })
  update(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: UpdateGlossaryTermDto) {
    return this.glossary.update(params.id, body, auth);
  }

  @Delete('glossary/:id')
  @Roles('manager', 'admin')
  @HttpCode(204)
  async remove(@Param() params: IdParamDto): Promise<void> {
    await this.glossary.remove(params.id);
  }

  @Get('me/words')
  @ZodResponse({ type: GlossaryLookupResultDto })
  words(@Auth() auth: AuthContext) {
    return this.glossary.words(auth);
  }

  @Put('me/words/:id')
  @HttpCode(204)
  async save(@Auth() auth: AuthContext, @Param() params: IdParamDto): Promise<void> {
    await this.glossary.saveWord(params.id, auth);
  }

  @Delete('me/words/:id')
  @HttpCode(204)
  async unsave(@Auth() auth: AuthContext, @Param() params: IdParamDto): Promise<void> {
    await this.glossary.unsaveWord(params.id, auth);
  }

  /** A word the learner did not understand; it reaches the course's instructors. Asking again while it is open: 200, the same request. */
  @Post('word-requests')
  @ZodResponse({ status: 201, type: WordRequestDto })
  async ask(
    @Auth() auth: AuthContext,
    @Body() body: CreateWordRequestDto,
    @Res({ passthrough: true }) reply: DariReply,
  ) {
    const { request, created } = await this.glossary.request(body.text, body.lessonId, auth);
    if (!created) reply.status(200);
    return request;
  }

  @Get('me/word-requests')
  @ZodResponse({ type: WordRequestListDto })
  myRequests(@Auth() auth: AuthContext) {
    return this.glossary.myRequests(auth);
  }

  @Get('word-requests')
  @Roles('instructor', 'manager', 'admin')
  @ZodResponse({ type: WordRequestListDto })
  staffRequests(@Auth() auth: AuthContext, @Query() query: WordRequestQueryDto) {
    return this.glossary.staffRequests(query.status, auth);
  }

  @Post('word-requests/:id/answer')
  @Roles('instructor', 'manager', 'admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: WordRequestDto })
  answer(@Auth() auth: AuthContext, @Param() params: IdParamDto, @Body() body: AnswerWordRequestDto) {
    return this.glossary.answer(params.id, body, auth);
  }

  @Post('word-requests/:id/dismiss')
  @Roles('instructor', 'manager', 'admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: WordRequestDto })
  dismiss(@Auth() auth: AuthContext, @Param() params: IdParamDto) {
    return this.glossary.dismiss(params.id, auth);
  }
}
