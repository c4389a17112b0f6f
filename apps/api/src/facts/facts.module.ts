import { Global, Module } from '@nestjs/common';
import { FactsController } from './facts.controller.js';
import { FactsService } from './facts.service.js';

/** Dated facts, for publishing (which embeds the ones a course uses) and for the review list. */
@Global()
@Module({ controllers: [FactsController], providers: [FactsService], exports: [FactsService] })
export class FactsModule {}
