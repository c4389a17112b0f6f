import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { factReviewListSchema } from '@dari/contracts';
import { Roles } from '../common/auth/decorators.js';
import { FactsService } from './facts.service.js';

class FactReviewListDto extends createZodDto(factReviewListSchema) {}

/** Dated facts: which ones someone must look up again (instructors write the lessons, admins keep the install). */
@ApiTags('facts')
@Controller('facts')
export class FactsController {
  constructor(private readonly facts: FactsService) {}

  @Get('review')
  @Roles('instructor', 'admin')
  @ZodResponse({ type: FactReviewListDto })
  review() {
    return this.facts.review();
  }
}
