import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CALL_CHANNELS, CALL_DIRECTIONS, CALL_OUTCOMES } from '@hotline/contracts';
import type { CallChannel, CallDirection, CallOutcome } from '@hotline/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KINDS = ['person', 'organisation'] as const;

export class CitizenFieldsDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(150)
  fullName?: string | null;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: 'person' | 'organisation';

  @ApiPropertyOptional({
    description: 'CCCD/CMND (9 or 12 digits) or tax number (MST, 10 or 13 digits)',
    example: '064090001234',
  })
  @IsOptional()
  @Transform(trim)
  @Matches(/^(\d{9}|\d{10}|\d{12}|\d{13}|\d{10}-\d{3})$/, {
    message: 'idNumber must be a CCCD/CMND (9 or 12 digits) or a tax number (10 or 13 digits)',
  })
  idNumber?: string | null;

  @ApiPropertyOptional({ example: '12 Trần Hưng Đạo' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(255)
  addressDetail?: string | null;

  @ApiPropertyOptional({ example: '23575' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @Matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'email must be an email address' })
  @MaxLength(120)
  email?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class CreateCitizenDto extends CitizenFieldsDto {
  @ApiProperty({ example: '0912 345 678', description: 'Any Vietnamese form; stored E.164' })
  @IsString()
  @MaxLength(40)
  phone: string;
}

export class UpdateCitizenDto extends CitizenFieldsDto {}

export class AddPhoneDto {
  @ApiProperty({ example: '0269.3888.222' })
  @IsString()
  @MaxLength(40)
  phone: string;

  @ApiPropertyOptional({ example: 'cơ quan' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  label?: string | null;
}

export class LookupQuery {
  @ApiProperty({
    example: '0269.3888.222',
    description: 'Any Vietnamese form, or "anonymous"/"private"/empty for a withheld caller',
  })
  @IsString()
  @MaxLength(60)
  phone: string;
}

export class CreateCallDto {
  @ApiProperty({ enum: CALL_DIRECTIONS })
  @IsIn(CALL_DIRECTIONS)
  direction: CallDirection;

  @ApiProperty({ enum: CALL_CHANNELS })
  @IsIn(CALL_CHANNELS)
  channel: CallChannel;

  @ApiPropertyOptional({ example: '0912345678', description: 'Required for phone/sms/zalo unless withheld' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  withheld?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  citizenId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  queue?: string;

  @ApiProperty({ example: '2026-03-02T02:15:00.000Z' })
  @IsISO8601({ strict: true })
  startedAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  answeredAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  endedAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ enum: CALL_OUTCOMES })
  @IsOptional()
  @IsIn(CALL_OUTCOMES)
  outcome?: CallOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  ticketId?: string;
}

/** What can be changed on a call after it was logged (endedAt: hand-logged calls only), with the version read. */
export class UpdateCallDto extends PickType(CreateCallDto, [
  'citizenId',
  'topicId',
  'notes',
  'outcome',
  'requestId',
  'ticketId',
  'endedAt',
] as const) {
  @ApiPropertyOptional({
    description: 'The version you read (optimistic locking): 409 if somebody changed the call since',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  version?: number;
}

export class ListCallsQuery {
  @ApiPropertyOptional({ description: 'startedAt ≥ from (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'startedAt < to (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  operatorId?: string;

  @ApiPropertyOptional({ enum: CALL_OUTCOMES })
  @IsOptional()
  @IsIn(CALL_OUTCOMES)
  outcome?: CallOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional({ description: 'Any Vietnamese form' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  citizenId?: string;

  @ApiPropertyOptional({ enum: CALL_DIRECTIONS })
  @IsOptional()
  @IsIn(CALL_DIRECTIONS)
  direction?: CallDirection;

  @ApiPropertyOptional({ enum: CALL_CHANNELS })
  @IsOptional()
  @IsIn(CALL_CHANNELS)
  channel?: CallChannel;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class CtiEventDto {
  @ApiProperty({ enum: ['new_call', 'answer', 'hangup'] })
  @IsIn(['new_call', 'answer', 'hangup'])
  event: 'new_call' | 'answer' | 'hangup';

  @ApiProperty({ example: 'pbx-1717-0001' })
  @IsString()
  @Length(1, 120)
  call_id: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  from?: string;

  @ApiPropertyOptional({ example: '02693888222' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  to?: string;

  @ApiProperty({ enum: ['inbound', 'outbound', 'in', 'out'] })
  @IsIn(['inbound', 'outbound', 'in', 'out'])
  direction: 'inbound' | 'outbound' | 'in' | 'out';

  @ApiPropertyOptional({ example: 'hotline' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  queue?: string;

  @ApiPropertyOptional({
    example: '1001',
    description: 'The answering extension (answer) or the ringing one (new_call)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  extension?: string;

  @ApiPropertyOptional({ description: 'Alias of extension' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  agent?: string;

  @ApiPropertyOptional({
    enum: ['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'],
  })
  @IsOptional()
  @IsIn(['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'])
  cause?: string;

  @ApiPropertyOptional({ description: 'When the PBX saw the event (ISO 8601); default: when it is received' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class CreatePbxTokenDto {
  @ApiProperty({ example: 'pbx-pleiku' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,39}$/, {
    message: 'name must be 2–40 lower-case letters, digits, dot, dash or underscore',
  })
  name: string;

  @ApiPropertyOptional({ example: '02693888222', description: 'Caller id for outbound calls (Zammad dial action)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  outboundCallerId?: string;
}

export class BlockNumberDto {
  @ApiProperty({ example: '0912 345 678' })
  @IsString()
  @MaxLength(40)
  phone: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(255)
  reason?: string;
}

export class TopicDto {
  @ApiProperty({ example: 'land' })
  @Matches(/^[a-z0-9_]{2,40}$/, { message: 'code must be 2–40 lower-case letters, digits or underscores' })
  code: string;

  @ApiProperty({ example: 'Đất đai' })
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  sortOrder?: number;
}

export class UpdateTopicDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  sortOrder?: number;
}

export class AssignCallbackDto {
  @ApiPropertyOptional({ description: 'Operator to assign; default: yourself' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

export class CallbackAttemptDto {
  @ApiProperty({ enum: ['no_answer', 'busy', 'reached', 'wrong_number'] })
  @IsIn(['no_answer', 'busy', 'reached', 'wrong_number'])
  result: 'no_answer' | 'busy' | 'reached' | 'wrong_number';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ description: 'The outbound call of this attempt' })
  @IsOptional()
  @IsUUID()
  callId?: string;
}

export class CloseCallbackDto {
  @ApiProperty({ description: 'The outbound call that reached the citizen' })
  @IsUUID()
  callId: string;
}

export class ListCallbacksQuery {
  @ApiPropertyOptional({ enum: ['open', 'done', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'done', 'cancelled'])
  state?: 'open' | 'done' | 'cancelled';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class SetStatusDto {
  @ApiProperty({ enum: ['available', 'break'] })
  @IsIn(['available', 'break'])
  status: 'available' | 'break';

  @ApiPropertyOptional({ example: 'ăn trưa' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  reason?: string;
}

export class StatusHistoryQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiProperty({ description: 'ISO 8601' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ description: 'ISO 8601' })
  @IsISO8601({ strict: true })
  to: string;
}
