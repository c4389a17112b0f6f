import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { factReviewListSchema, factSchema } from '@dari/contracts';
import { AnyRole, Roles } from '../common/auth/decorators.js';
import { FactsService } from './facts.service.js';

class FactDto extends createZodDto(factSchema) {}
class FactReviewListDto extends createZodDto(factReviewListSchema) {}

/** Dated facts: the registry (for glossary texts), and which ones someone must look up again. */
@ApiTags('facts')
@Controller('facts')
export class FactsController {
  constructor(private readonly facts: FactsService) {}

  /**
   * The whole registry (libs/curriculum/facts), as a facts file holds it: small, public knowledge, and what
   * published courses embed. Glossary entries (and anything else outside a course snapshot) render their
   * `{{fact:KEY}}` with it. It changes only with a new release, so the browser may keep it for an hour
   * (the app's onSend hook leaves a cache-control a route set alone).
   */
  @Get()
  @AnyRole()
  @Header('cache-control', 'private, max-age=3600')
  @ZodResponse({ type: [FactDto] })
  list() {
    return [...this.facts.all()];
  }

  @Get('review')
  @Roles('instructor', 'admin')
  @ZodResponse({ type: FactReviewListDto })
  review() {
    return this.facts.review();
  }
}
