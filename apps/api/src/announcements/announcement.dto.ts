import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import type { RoomName } from '@hotline/contracts';

export class AnnouncementDto {
  @ApiProperty({
    example: 'role:operator',
    description: '"all", "role:<role>", "office:<postOfficeId>" or "user:<userId>"',
  })
  @Matches(/^(all|role:(operator|dispatcher|supervisor|admin)|office:[0-9a-f-]{36}|user:[0-9a-f-]{36})$/, {
    message: 'audience must be "all", "role:<operator|dispatcher|supervisor|admin>", "office:<id>" or "user:<id>"',
  })
  audience: RoomName | 'all';

  @ApiProperty({ example: 'Hệ thống bảo trì lúc 12:00' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 500)
  message: string;
}
