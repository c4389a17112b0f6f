import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { myResultsSchema } from '@dari/contracts';
import { AnyRole, Auth } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { ResultsService } from './results.service.js';

class MyResultsDto extends createZodDto(myResultsSchema) {}

/** My results: my quiz attempts with the right answers, and each course's lessons done, skipped and left. */
@ApiTags('learning')
@Controller()
@AnyRole()
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('me/results')
  @ZodResponse({ type: MyResultsDto })
  mine(@Auth() auth: AuthContext) {
    return this.results.mine(auth);
  }
}
