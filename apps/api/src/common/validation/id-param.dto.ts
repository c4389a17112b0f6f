import { createZodDto } from 'nestjs-zod';
import { idParamSchema } from '@dari/contracts';

/** `:id` in a route: a UUID (anything else answers 400 before a handler runs). Shared by every feature's controllers. */
export class IdParamDto extends createZodDto(idParamSchema) {}
