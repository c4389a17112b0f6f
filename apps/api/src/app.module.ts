import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ZodSerializerInterceptor } from 'nestjs-zod';
import type { DestinationStream } from 'pino';
import { AnnouncementsModule } from './announcements/index.js';
import { AuditModule } from './audit/index.js';
import { AuthModule } from './auth/index.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { pinoHttpOptions } from './common/http/logging.js';
import { ZodValidationPipe } from './common/validation/zod-validation.pipe.js';
import { CLOCK, systemClock, type Clock } from './common/time/clock.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './data-source.js';
import { CohortsModule } from './cohorts/index.js';
import { BundlesModule } from './bundles/index.js';
import { CatalogModule } from './catalog/index.js';
import { CoursesModule } from './courses/index.js';
import { CredentialsModule } from './credentials/index.js';
import { FactsModule } from './facts/index.js';
import { GlossaryModule } from './glossary/index.js';
import { HealthModule } from './health/index.js';
import { JoinModule } from './join/index.js';
import { LearningModule } from './learning/index.js';
import { MediaModule } from './media/index.js';
import { noProgressEventCounter, PROGRESS_EVENT_COUNTER, type ProgressEventCounter } from './metrics/index.js';
import { NotificationsModule } from './notifications/index.js';
import { PrivacyModule } from './privacy/index.js';
import { QuestionsModule } from './questions/index.js';
import { ReportsModule } from './reports/index.js';
import { SeedModule } from './seed/index.js';
import { UsersModule } from './users/index.js';

export interface AppModuleOptions {
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: DestinationStream;
  indexHtml?: string;
  /** The time the throttles count windows by (tests pass a FakeClock); the real time by default. */
  clock?: Clock;
  /** Where the progress path counts its events' outcomes (the metrics, when they are on). */
  progressEvents?: ProgressEventCounter;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({ pinoHttp: [pinoHttpOptions(config.logLevel), options.logStream ?? process.stdout] }),
        // Lets tests and tools list every route with its guard metadata.
        DiscoveryModule,
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.poolSize)),
        AuditModule,
        AuthModule,
        UsersModule,
        HealthModule,
        FactsModule,
        CoursesModule,
        MediaModule,
        BundlesModule,
        CatalogModule,
        LearningModule,
        CredentialsModule,
        GlossaryModule,
        CohortsModule,
        JoinModule,
        ReportsModule,
        NotificationsModule,
        AnnouncementsModule,
        QuestionsModule,
        PrivacyModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: PROGRESS_EVENT_COUNTER, useValue: options.progressEvents ?? noProgressEventCounter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useFactory: () => new AllExceptionsFilter(options.indexHtml) },
      ],
      exports: [APP_CONFIG, CLOCK, PROGRESS_EVENT_COUNTER],
    };
  }
}
