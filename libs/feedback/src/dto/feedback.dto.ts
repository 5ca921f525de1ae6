import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAIL_STATES,
  type MailState,
  EscalationRule,
  TICKET_CHANNELS,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  TICKET_QUEUES,
  TICKET_STATUSES,
  TicketChannel,
  TicketKind,
  TicketPriority,
  TicketQueue,
  TicketStatus,
} from '@hotline/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ESCALATIONS = ['none', 'raise_priority', 'supervisor_queue'];

export class AttachmentDto {
  @ApiProperty({ example: 'don-phan-anh.pdf' })
  @IsString()
  @Length(1, 255)
  fileName: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'contentType must be a MIME type' })
  contentType: string;

  @ApiProperty({ example: 183000 })
  @IsInt()
  @Min(0)
  @Max(50 * 1024 * 1024)
  sizeBytes: number;

  @ApiPropertyOptional({ example: 'https://files.example/abc' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  url?: string;
}

export class OverdueDossierInputDto {
  @ApiProperty()
  @IsUUID()
  agencyId: string;

  @ApiProperty({ example: 'H21.52-250912-0001' })
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  dossierCode: string;

  @ApiProperty({ example: '2026-03-10', description: 'The original due date on the appointment slip (local date)' })
  @Matches(DATE, { message: 'overdue.originalDueDate must be YYYY-MM-DD' })
  originalDueDate: string;
}

export class CreateTicketDto {
  @ApiProperty({ enum: TICKET_KINDS })
  @IsIn(TICKET_KINDS)
  kind: TicketKind;

  @ApiProperty({ enum: TICKET_CHANNELS })
  @IsIn(TICKET_CHANNELS)
  channel: TicketChannel;

  @ApiProperty({ example: '0912 345 678', description: 'The citizen, found (or created) by phone' })
  @IsString()
  @Length(3, 30)
  phone: string;

  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 150)
  citizenName?: string;

  @ApiPropertyOptional({ description: 'The call this ticket came from (calls context)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  callId?: string;

  @ApiProperty({ example: 'Hồ sơ cấp đổi GPLX chưa có kết quả' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  subject: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 10000)
  content: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({
    description: 'Raise one step when the commune is a remote/difficult area (default true)',
    default: true,
  })
  @IsOptional()
  @IsBoolean()
  raiseForRemoteArea?: boolean;

  @ApiPropertyOptional({ example: '23575', description: "Commune concerned; defaults to the citizen's" })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  dossierCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  bcciRequestId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ type: OverdueDossierInputDto, description: 'Required for kind overdue_dossier' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverdueDossierInputDto)
  overdue?: OverdueDossierInputDto;
}

export class UpdateTicketDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  subject?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 10000)
  content?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  dossierCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  bcciRequestId?: string;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class TransitionDto {
  @ApiProperty({ enum: TICKET_STATUSES })
  @IsIn(TICKET_STATUSES)
  to: TicketStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class MessageDto {
  @ApiProperty({ example: 'Chúng tôi đã chuyển phản ánh của ông/bà đến Sở Xây dựng.' })
  @Transform(trim)
  @IsString()
  @Length(1, 10000)
  body: string;
}

export class ReplyDto extends MessageDto {
  @ApiPropertyOptional({ description: 'The answer was given by a call-back (still the first response)' })
  @IsOptional()
  @IsBoolean()
  callBack?: boolean;
}

export class AssignDto {
  @ApiProperty()
  @IsUUID()
  assigneeId: string;
}

export class ForwardDto {
  @ApiProperty()
  @IsUUID()
  agencyId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class AgencyAnswerDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 10000)
  answer: string;
}

export class ApologySlipDto {
  @ApiProperty({ example: 'Hồ sơ cần xác minh thêm nguồn gốc đất' })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  reason: string;

  @ApiProperty({ example: '2026-03-20', description: 'The new due date (set once only)' })
  @Matches(DATE, { message: 'newDueDate must be YYYY-MM-DD' })
  newDueDate: string;

  @ApiPropertyOptional({ example: '2026-03-09', description: 'Date of the apology slip (Mẫu 04)' })
  @IsOptional()
  @Matches(DATE, { message: 'slipDate must be YYYY-MM-DD' })
  slipDate?: string;
}

export class CsatDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  comment?: string;
}

export class ListTicketsQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TICKET_KINDS })
  @IsOptional()
  @IsIn(TICKET_KINDS)
  kind?: TicketKind;

  @ApiPropertyOptional({ enum: TICKET_QUEUES })
  @IsOptional()
  @IsIn(TICKET_QUEUES)
  queue?: TicketQueue;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({
    description: 'Only tickets still open (not resolved or closed) with a breached or warning SLA target',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  atRisk?: boolean;

  @ApiPropertyOptional({
    description: 'Only tickets being worked on (new, open, waiting_citizen, forwarded, reopened)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({
    description:
      'Search: a ticket code (or its beginning), a citizen phone number (any spelling), the beginning of a citizen name, or words of the subject',
    example: 'đèn đường',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: "The previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ListOutboxQuery {
  @ApiPropertyOptional({ enum: MAIL_STATES })
  @IsOptional()
  @IsIn(MAIL_STATES)
  state?: MailState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({
    description: 'id of the last mail of the previous page (its `nextBefore`): the next, older page',
  })
  @IsOptional()
  @IsUUID()
  before?: string;

  @ApiPropertyOptional({ description: "The previous page's nextCursor (the same page as `before` = its nextBefore)" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class TicketHistoryQuery {
  @ApiPropertyOptional({ description: "The previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class PublicLookupQuery {
  @ApiProperty({ example: '0912345678' })
  @IsString()
  @Length(3, 30)
  phone: string;
}

export class CategoryDto {
  @ApiProperty({ example: 'dat-dai' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'code must be 2–40 lowercase letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'Đất đai' })
  @Transform(trim)
  @IsString()
  @Length(1, 150)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 150)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AgencyDto {
  @ApiProperty({ example: 'so-xay-dung' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'code must be 2–40 lowercase letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'Sở Xây dựng tỉnh Gia Lai' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'sxd@gialai.gov.vn' })
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class SlaPolicyDto {
  @ApiProperty({ example: 'Phản ánh — mặc định' })
  @Transform(trim)
  @IsString()
  @Length(1, 150)
  name: string;

  @ApiPropertyOptional({ enum: TICKET_KINDS, nullable: true })
  @IsOptional()
  @IsIn(TICKET_KINDS)
  kind?: TicketKind;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, nullable: true })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ description: 'Calendar id or code; default: the default calendar' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  calendar?: string;

  @ApiProperty({ example: 240, description: 'Business minutes (fractions allowed)' })
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0.01)
  @Max(10_000_000)
  firstResponseMinutes: number;

  @ApiProperty({ example: 2400 })
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0.01)
  @Max(10_000_000)
  resolutionMinutes: number;

  @ApiPropertyOptional({ example: 2400, description: 'Forward deadline in business minutes (5 working days = 2400)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0.01)
  @Max(10_000_000)
  forwardMinutes?: number;

  @ApiPropertyOptional({ example: 75 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  warnPercent?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  pauseWhenForwarded?: boolean;

  @ApiPropertyOptional({ enum: ESCALATIONS })
  @IsOptional()
  @IsIn(ESCALATIONS)
  escalation?: EscalationRule;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** The editable terms of a policy, each optional: its scope (kind, category, priority) and calendar are fixed at creation. */
export class UpdateSlaPolicyDto extends PartialType(
  OmitType(SlaPolicyDto, ['kind', 'categoryId', 'priority', 'calendar'] as const),
) {}
