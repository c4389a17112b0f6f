import { createZodDto } from 'nestjs-zod';
import { loginSchema, meSchema, redeemResetCodeSchema } from '@dari/contracts';

export class LoginDto extends createZodDto(loginSchema) {}
export class RedeemResetCodeDto extends createZodDto(redeemResetCodeSchema) {}
export class MeDto extends createZodDto(meSchema) {}
