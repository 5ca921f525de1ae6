import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class WorkPeriodDto {
  @ApiProperty({ example: '07:00' })
  @Matches(TIME, { message: 'start must be HH:mm' })
  start: string;

  @ApiProperty({ example: '11:30' })
  @Matches(TIME, { message: 'end must be HH:mm (24:00 allowed)' })
  end: string;
}

export class CalendarExceptionDto {
  @ApiProperty({ example: '2026-02-16', description: 'Local date YYYY-MM-DD' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @ApiProperty({ enum: ['day_off', 'working_day'] })
  @IsIn(['day_off', 'working_day'])
  kind: 'day_off' | 'working_day';

  @ApiPropertyOptional({
    type: [WorkPeriodDto],
    description: "Hours of a working_day; omitted: the weekday's or the make-up default",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => WorkPeriodDto)
  periods?: WorkPeriodDto[];

  @ApiPropertyOptional({ example: 'Nghỉ Tết Bính Ngọ' })
  @IsOptional()
  @IsString()
  @Length(1, 150)
  name?: string;
}

export class CalendarDaysQuery {
  @ApiProperty({ example: '2026-02-01' })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2026-02-28' })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to: string;
}

export class CalendarExceptionsQuery {
  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must be a 4-digit year' })
  year?: string;
}
