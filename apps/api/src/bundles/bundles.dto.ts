import { createZodDto } from 'nestjs-zod';
import { bundleQuerySchema, importQuerySchema } from '@dari/contracts';

export class BundleQueryDto extends createZodDto(bundleQuerySchema) {}
export class ImportQueryDto extends createZodDto(importQuerySchema) {}
