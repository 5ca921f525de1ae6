import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PASSWORD_MESSAGE, PASSWORD_RULE, ROLES, Role } from '@hotline/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LoginDto {
  @ApiProperty({ example: 'operator1' })
  @Transform(lower)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Demo@0269' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ description: PASSWORD_MESSAGE })
  @IsString()
  @Matches(PASSWORD_RULE, { message: PASSWORD_MESSAGE })
  newPassword: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'dtv.lan', description: '3–64 characters: letters, digits, dot, dash, underscore' })
  @Transform(lower)
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'username must be 3–64 characters: letters, digits, dot, dash or underscore',
  })
  username: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  fullName: string;

  @ApiProperty({ description: PASSWORD_MESSAGE })
  @IsString()
  @Matches(PASSWORD_RULE, { message: PASSWORD_MESSAGE })
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ description: 'Required for dispatchers, forbidden for other roles' })
  @ValidateIf((o: CreateUserDto) => o.postOfficeId !== undefined && o.postOfficeId !== null)
  @IsUUID('all', { message: 'postOfficeId must be a post office id (UUID)' })
  postOfficeId?: string | null;

  @ApiPropertyOptional({ example: '1001', description: 'PBX agent extension' })
  @IsOptional()
  @Matches(/^\d{2,10}$/, { message: 'extension must be 2–10 digits' })
  extension?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateUserDto) => o.postOfficeId !== undefined && o.postOfficeId !== null)
  @IsUUID('all', { message: 'postOfficeId must be a post office id (UUID)' })
  postOfficeId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateUserDto) => o.extension !== undefined && o.extension !== null)
  @Matches(/^\d{2,10}$/, { message: 'extension must be 2–10 digits' })
  extension?: string | null;
}

export class ResetPasswordDto {
  @ApiProperty({ description: `Temporary password; the user must change it at next login. ${PASSWORD_MESSAGE}` })
  @IsString()
  @Matches(PASSWORD_RULE, { message: PASSWORD_MESSAGE })
  newPassword: string;
}

export class DisableUserDto {
  @ApiPropertyOptional({ example: 'Nghỉ việc' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  postOfficeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'Search in username and full name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}
