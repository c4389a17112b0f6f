import { createZodDto } from 'nestjs-zod';
import { mediaListSchema, mediaSchema } from '@dari/contracts';

export class MediaDto extends createZodDto(mediaSchema) {}
export class MediaListDto extends createZodDto(mediaListSchema) {}
