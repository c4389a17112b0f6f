import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller.js';
import { CatalogService } from './catalog.service.js';

/** The learners' catalogue: the published courses open to them. */
@Module({ controllers: [CatalogController], providers: [CatalogService] })
export class CatalogModule {}
