import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
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
  BCCI_OPTIONS,
  LEG_MACHINE,
  BcciOption,
  LEG_KINDS,
  LEG_STATES,
  LegKind,
  LegState,
  ROUTE_TYPES,
  RouteType,
  SERVICE_LEVELS,
  ServiceLevel,
} from '@hotline/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const MAX_VND = 1_000_000_000_000;

export class AddressDto {
  @ApiProperty({ example: '12 Trần Phú, tổ 3' })
  @Transform(trim)
  @IsString()
  @Length(2, 255)
  detail: string;

  @ApiProperty({ example: '23575' })
  @IsString()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode: string;

  @ApiPropertyOptional({ example: 13.98 })
  @IsOptional()
  @IsLatitude({ message: 'lat must be a latitude' })
  lat?: number;

  @ApiPropertyOptional({ example: 108.0 })
  @IsOptional()
  @IsLongitude({ message: 'lng must be a longitude' })
  lng?: number;
}

export class QuoteDto {
  @ApiProperty({ enum: BCCI_OPTIONS })
  @IsIn(BCCI_OPTIONS, { message: `option must be one of ${BCCI_OPTIONS.join(', ')}` })
  option: BcciOption;

  @ApiProperty({ enum: SERVICE_LEVELS, description: "Online service level: '2', '3', '4', 'toan_trinh', 'mot_phan'" })
  @IsIn(SERVICE_LEVELS, { message: `serviceLevel must be one of ${SERVICE_LEVELS.join(', ')}` })
  serviceLevel: ServiceLevel;

  @ApiProperty({ example: 'Đăng ký giao dịch bảo đảm', description: 'Field of procedures (lĩnh vực)' })
  @Transform(trim)
  @IsString()
  @Length(2, 150)
  field: string;

  @ApiPropertyOptional({ enum: ROUTE_TYPES, default: 'intra_province' })
  @IsOptional()
  @IsIn(ROUTE_TYPES, { message: `routeType must be one of ${ROUTE_TYPES.join(', ')}` })
  routeType?: RouteType;
}

export class CreateBcciRequestDto extends QuoteDto {
  @ApiProperty({ example: '000.00.21.H21-260129-0001', description: 'Dossier code (mã hồ sơ)' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  dossierCode: string;

  @ApiProperty({ example: 'Đăng ký thế chấp quyền sử dụng đất' })
  @Transform(trim)
  @IsString()
  @Length(2, 255)
  procedureName: string;

  @ApiProperty({ example: 'Văn phòng đăng ký đất đai tỉnh Gia Lai' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  agency: string;

  @ApiProperty({ example: '0912 345 678', description: "The citizen's phone as typed (any Vietnamese format)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  phone: string;

  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 150)
  contactName?: string;

  @ApiPropertyOptional({ type: AddressDto, description: 'Where the dossier is picked up (send_dossier, both)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  pickupAddress?: AddressDto;

  @ApiPropertyOptional({
    type: AddressDto,
    description: 'Where the result is delivered (receive_result, both); defaults to the pickup address',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  deliveryAddress?: AddressDto;

  @ApiPropertyOptional({ example: '2026-01-29T08:00:00+07:00', description: 'Preferred window start (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'windowFrom must be an ISO 8601 date-time' })
  windowFrom?: string;

  @ApiPropertyOptional({ example: '2026-01-29T11:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'windowTo must be an ISO 8601 date-time' })
  windowTo?: string;

  @ApiPropertyOptional({ example: 50000, description: 'Fee collected on behalf of the agency, integer VND' })
  @IsOptional()
  @IsInt({ message: 'feeOnBehalf must be an integer number of VND' })
  @Min(0, { message: 'feeOnBehalf must not be negative' })
  @Max(MAX_VND)
  feeOnBehalf?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ description: 'The call this request came from' })
  @IsOptional()
  @IsUUID('all', { message: 'callId must be a UUID' })
  callId?: string;
}

export class TariffDto {
  @ApiProperty({ enum: LEG_KINDS })
  @IsIn(LEG_KINDS, { message: `legKind must be one of ${LEG_KINDS.join(', ')}` })
  legKind: LegKind;
  @ApiProperty({ enum: ROUTE_TYPES })
  @IsIn(ROUTE_TYPES, { message: `routeType must be one of ${ROUTE_TYPES.join(', ')}` })
  routeType: RouteType;
  @ApiProperty({ example: 20000 })
  @IsInt({ message: 'priceVnd must be an integer number of VND' })
  @Min(0, { message: 'priceVnd must not be negative' })
  @Max(MAX_VND)
  priceVnd: number;
  @ApiProperty({ example: 1, description: 'J+n working days' }) @IsInt() @Min(0) @Max(60) dueWorkingDays: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateTariffDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'priceVnd must be an integer number of VND' })
  @Min(0, { message: 'priceVnd must not be negative' })
  @Max(MAX_VND)
  priceVnd?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(60) dueWorkingDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class PromotionDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 150) name: string;
  @ApiProperty({ example: '2020-03-23', description: 'First local day (Vietnam time), inclusive' })
  @Matches(LOCAL_DATE, { message: 'startsOn must be a date YYYY-MM-DD' })
  startsOn: string;
  @ApiProperty({ example: '2020-05-30', description: 'Last local day, inclusive' })
  @Matches(LOCAL_DATE, { message: 'endsOn must be a date YYYY-MM-DD' })
  endsOn: string;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(100) percent: number;
  @ApiProperty({ enum: LEG_KINDS, isArray: true })
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(LEG_KINDS, { each: true, message: `legKinds must list ${LEG_KINDS.join(', ')}` })
  legKinds: LegKind[];
  @ApiPropertyOptional({ enum: SERVICE_LEVELS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(SERVICE_LEVELS, { each: true, message: `serviceLevels must list ${SERVICE_LEVELS.join(', ')}` })
  serviceLevels?: ServiceLevel[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(150, { each: true })
  fields?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdatePromotionDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(2, 150) name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'startsOn must be a date YYYY-MM-DD' })
  startsOn?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'endsOn must be a date YYYY-MM-DD' })
  endsOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) percent?: number;
  @ApiPropertyOptional({ enum: LEG_KINDS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(LEG_KINDS, { each: true, message: `legKinds must list ${LEG_KINDS.join(', ')}` })
  legKinds?: LegKind[];
  @ApiPropertyOptional({ enum: SERVICE_LEVELS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(SERVICE_LEVELS, { each: true, message: `serviceLevels must list ${SERVICE_LEVELS.join(', ')}` })
  serviceLevels?: ServiceLevel[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(150, { each: true })
  fields?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class RejectDto {
  @ApiProperty({ example: 'Không đủ bưu tá trong ngày' })
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason is required (3–500 characters)' })
  reason: string;
}

export class ManualAssignDto {
  @ApiProperty() @IsUUID('all', { message: 'officeId must be a post office id (UUID)' }) officeId: string;
}

export class CourierDto {
  @ApiProperty({ example: 'Bưu tá Y Nhi' }) @Transform(trim) @IsString() @Length(2, 150) courierName: string;
}

export class PickupChecklistDto {
  @ApiProperty({
    type: [String],
    description: 'Documents of the procedure list that were missing (empty when complete)',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  missingDocuments: string[];
  @ApiProperty() @IsBoolean() slipSignedByBoth: boolean;
  @ApiProperty() @IsBoolean() sealedInFrontOfCitizen: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 60) feeReceiptNumber?: string;
}

export class PickupDto {
  @ApiProperty({ type: PickupChecklistDto })
  @ValidateNested()
  @Type(() => PickupChecklistDto)
  checklist: PickupChecklistDto;
  @ApiPropertyOptional({ description: 'Fee collected on behalf at pickup, integer VND' })
  @IsOptional()
  @IsInt({ message: 'feeCollected must be an integer number of VND' })
  @Min(0, { message: 'feeCollected must not be negative' })
  @Max(MAX_VND)
  feeCollected?: number;
}

export class DeliverDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 150) recipientName: string;
  @ApiProperty({ example: 'chính chủ' }) @Transform(trim) @IsString() @Length(1, 60) relation: string;
  @ApiPropertyOptional({ description: 'Defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  deliveredAt?: string;
  @ApiPropertyOptional({ description: 'Photo/signature file reference' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileRef?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'feeCollected must be an integer number of VND' })
  @Min(0, { message: 'feeCollected must not be negative' })
  @Max(MAX_VND)
  feeCollected?: number;
}

export class ReasonDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'reason is required (3–500 characters)' })
  reason: string;
}

export class ListLegsQuery {
  @ApiPropertyOptional({ enum: LEG_STATES })
  @IsOptional()
  @IsIn(LEG_STATES, { message: `state must be one of ${LEG_STATES.join(', ')}` })
  state?: LegState;
  @ApiPropertyOptional({
    description: `Only legs still on their way: ${LEG_MACHINE.sets.active.join(', ')} (not finished)`,
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
  @ApiPropertyOptional({
    description: 'Only legs whose collected fee is not remitted yet (what the remittance form offers)',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'unremitted must be true or false' })
  unremitted?: boolean;
  @ApiPropertyOptional({ description: 'Supervisors only; dispatchers always see their own office' })
  @IsOptional()
  @IsUUID('all', { message: 'officeId must be a post office id (UUID)' })
  officeId?: string;
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class UnremittedCsvQuery {
  @ApiPropertyOptional({
    description: 'Supervisors and admins: one office (default: every office). Dispatchers always get their own.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'officeId must be a post office id (UUID)' })
  officeId?: string;
}

/** GET /bcci-requests: newest first, keyset cursor over (created_at desc, id desc). */
export class ListBcciRequestsQuery {
  @ApiPropertyOptional({
    description: 'Only the requests I created. Default: true for operators, false for supervisors and admins',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;

  @ApiPropertyOptional({ enum: LEG_STATES, description: 'Requests with at least one leg in this state' })
  @IsOptional()
  @IsIn(LEG_STATES, { message: `state must be one of ${LEG_STATES.join(', ')}` })
  state?: LegState;

  @ApiPropertyOptional({ enum: BCCI_OPTIONS })
  @IsOptional()
  @IsIn(BCCI_OPTIONS, { message: `option must be one of ${BCCI_OPTIONS.join(', ')}` })
  option?: BcciOption;

  @ApiPropertyOptional({ description: "The citizen's phone in any Vietnamese form" })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'citizenId must be a citizen id (UUID)' })
  citizenId?: string;

  @ApiPropertyOptional({
    description: 'Start of the request code (BC-YYMMDD-NNNNNN) or of the dossier code; case-insensitive',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 60, { message: 'q must be 2–60 characters' })
  q?: string;

  @ApiPropertyOptional({ description: 'createdAt ≥ from (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'createdAt < to (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}

export class RemittanceDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 60) reference: string;
  @ApiProperty({ example: '2026-01-29' })
  @Matches(LOCAL_DATE, { message: 'remittedOn must be a date YYYY-MM-DD' })
  remittedOn: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'legIds must be leg ids (UUID)' })
  legIds: string[];
  @ApiPropertyOptional({ description: 'Supervisors must say which office; dispatchers remit for their own' })
  @IsOptional()
  @IsUUID()
  officeId?: string;
}

export class PublicLookupQuery {
  @ApiProperty({ example: '0912345678' }) @IsString() @IsNotEmpty() @MaxLength(30) phone: string;
}
