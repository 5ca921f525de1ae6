import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { OpeningHours } from '@hotline/contracts';
import { UNIT_TYPES, UnitType } from '@hotline/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListUnitsQuery {
  @ApiPropertyOptional({ enum: UNIT_TYPES })
  @IsOptional()
  @IsIn(UNIT_TYPES)
  type?: UnitType;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  remoteArea?: boolean;

  @ApiPropertyOptional({ description: 'Search in the name (with or without Vietnamese accents)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UpdateUnitDto {
  @ApiProperty({ description: 'Rural, remote, ethnic-minority or especially difficult area' })
  @IsBoolean()
  remoteArea: boolean;
}

export class PostOfficeInputDto {
  @ApiProperty({ example: '591000' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{2,20}$/, { message: 'code must be 2–20 letters, digits, dot, dash or underscore' })
  code: string;

  @ApiProperty({ example: 'Bưu điện Trung tâm Pleiku' })
  @Transform(trim)
  @IsString()
  @Length(2, 150)
  name: string;

  @ApiProperty({ example: '69 Hùng Vương' })
  @Transform(trim)
  @IsString()
  @Length(2, 255)
  address: string;

  @ApiProperty({ example: '23575' })
  @IsString()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode: string;

  @ApiProperty({ example: 13.9833 })
  @Type(() => Number)
  @IsLatitude({ message: 'lat must be a latitude' })
  lat: number;

  @ApiProperty({ example: 108.0 })
  @Type(() => Number)
  @IsLongitude({ message: 'lng must be a longitude' })
  lng: number;

  @ApiPropertyOptional({ example: '0269 3824 444' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @ApiPropertyOptional({
    example: {
      mon: [
        ['07:00', '11:30'],
        ['13:30', '17:00'],
      ],
    },
    description: 'Local time (Asia/Ho_Chi_Minh) periods per weekday',
  })
  @IsOptional()
  @IsObject()
  openingHours?: OpeningHours;

  @ApiPropertyOptional({ example: 50, description: 'Assignments the office can take per day' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  dailyCapacity?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Commune codes served (its own commune is always included)', example: ['23575'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^\d{5}$/, { each: true, message: 'serviceArea must list 5-digit commune codes' })
  serviceArea?: string[];
}

export class UpdatePostOfficeDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(2, 150) name?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(2, 255) address?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsLatitude({ message: 'lat must be a latitude' })
  lat?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsLongitude({ message: 'lng must be a longitude' })
  lng?: number;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(30) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsObject() openingHours?: OpeningHours;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) dailyCapacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^\d{5}$/, { each: true, message: 'serviceArea must list 5-digit commune codes' })
  serviceArea?: string[];
}

export class ListPostOfficesQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{5}$/) communeCode?: string;
  @ApiPropertyOptional({ description: 'Offices serving this commune' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  serves?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}
