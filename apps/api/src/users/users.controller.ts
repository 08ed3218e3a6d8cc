import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { CurrentUser, UserPrincipal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors.decorator';
import { CreateUserDto, UpdateRoleDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('guarantor_admin')
  @ApiOperation({ summary: "Create a staff account (admin or analyst) in the caller's guarantor." })
  @ApiErrors('VALIDATION_FAILED', 'EMAIL_TAKEN', 'FORBIDDEN')
  create(@CurrentUser() actor: UserPrincipal, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Get()
  @Roles('guarantor_admin')
  @ApiOperation({ summary: "Staff accounts of the caller's guarantor." })
  list(@CurrentUser() actor: UserPrincipal): Promise<UserDto[]> {
    return this.users.list(actor);
  }

  @Patch(':userId/role')
  @Roles('guarantor_admin')
  @ApiOperation({ summary: 'Change the role of a staff account (audited).' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN')
  changeRole(@CurrentUser() actor: UserPrincipal, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: UpdateRoleDto): Promise<UserDto> {
    return this.users.changeRole(actor, userId, dto.role);
  }
}
