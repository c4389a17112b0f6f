import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { userOverviewSchema } from '@dari/contracts';
import { Auth, RequestId, Roles } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import {
  CreatedUserDto,
  CreateUserDto,
  ListUsersQueryDto,
  ResetCodeDto,
  UpdateUserDto,
  UserListDto,
  UserSummaryDto,
} from './users.dto.js';
import { UserOverviewService } from './user-overview.service.js';
import { UsersService } from './users.service.js';

class UserOverviewDto extends createZodDto(userOverviewSchema) {}

/** Accounts of every role; admins only. */
@ApiTags('admin')
@Controller('admin/users')
@Roles('admin')
export class AdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly overviews: UserOverviewService,
  ) {}

  @Get()
  @ZodResponse({ type: UserListDto })
  list(@Query() query: ListUsersQueryDto) {
    return this.users.list(query);
  }

  @Post()
  @ZodResponse({ status: 201, type: CreatedUserDto })
  create(@Auth() auth: AuthContext, @RequestId() requestId: string, @Body() body: CreateUserDto) {
    return this.users.create(body, { userId: auth.userId, requestId });
  }

  @Get(':id')
  @ZodResponse({ type: UserSummaryDto })
  get(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: IdParamDto) {
    return this.users.get(params.id, { userId: auth.userId, requestId });
  }

  /** Where the account takes part: its cohorts and course enrolments (status, percent). */
  @Get(':id/overview')
  @ZodResponse({ type: UserOverviewDto })
  overview(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: IdParamDto) {
    return this.overviews.overview(params.id, { userId: auth.userId, requestId });
  }

  /** Display name, role, or active/disabled; disabling ends the person's sessions at once. */
  @Patch(':id')
  @ZodResponse({ type: UserSummaryDto })
  update(
    @Auth() auth: AuthContext,
    @RequestId() requestId: string,
    @Param() params: IdParamDto,
    @Body() body: UpdateUserDto,
  ) {
    return this.users.update(params.id, body, { userId: auth.userId, requestId });
  }

  /** A one-time code the person redeems at sign-in to set a new password; older codes stop working. */
  @Post(':id/reset-code')
  @ZodResponse({ status: 201, type: ResetCodeDto })
  resetCode(@Auth() auth: AuthContext, @RequestId() requestId: string, @Param() params: IdParamDto) {
    return this.users.createResetCode(params.id, { userId: auth.userId, requestId });
  }
}
