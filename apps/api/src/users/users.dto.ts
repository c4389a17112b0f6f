import { createZodDto } from 'nestjs-zod';
import {
  changePasswordSchema,
  createdUserSchema,
  createUserSchema,
  listUsersQuerySchema,
  resetCodeSchema,
  updateMeSchema,
  updateUserSchema,
  userListSchema,
  userSummarySchema,
} from '@dari/contracts';

export class UpdateMeDto extends createZodDto(updateMeSchema) {}
export class ChangePasswordDto extends createZodDto(changePasswordSchema) {}
export class ListUsersQueryDto extends createZodDto(listUsersQuerySchema) {}
export class CreateUserDto extends createZodDto(createUserSchema) {}
export class UpdateUserDto extends createZodDto(updateUserSchema) {}
export class UserListDto extends createZodDto(userListSchema) {}
export class UserSummaryDto extends createZodDto(userSummarySchema) {}
export class CreatedUserDto extends createZodDto(createdUserSchema) {}
export class ResetCodeDto extends createZodDto(resetCodeSchema) {}
