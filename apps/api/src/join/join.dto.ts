import { createZodDto } from 'nestjs-zod';
import {
  createJoinCodeSchema,
  joinCodeIdParamSchema,
  joinCodeListSchema,
  joinCodeParamSchema,
  joinCodeSchema,
  joinPreviewSchema,
  joinSchema,
  meSchema,
} from '@dari/contracts';

export class JoinCodeDto extends createZodDto(joinCodeSchema) {}
export class JoinCodeListDto extends createZodDto(joinCodeListSchema) {}
export class CreateJoinCodeDto extends createZodDto(createJoinCodeSchema) {}
export class CodeIdParamDto extends createZodDto(joinCodeIdParamSchema) {}
export class JoinCodeParamDto extends createZodDto(joinCodeParamSchema) {}
export class JoinPreviewDto extends createZodDto(joinPreviewSchema) {}
export class JoinDto extends createZodDto(joinSchema) {}
export class JoinExistingDto extends createZodDto(joinCodeParamSchema) {}
export class MeDto extends createZodDto(meSchema) {}
