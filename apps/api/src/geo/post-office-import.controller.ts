import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PostOfficeImportResult } from '@hotline/contracts';
import { AuthUser, CurrentUser, Roles, ValidationError } from '@hotline/core';
import { CSV_COLUMNS, ImportPostOfficesUseCase } from '@hotline/geo';
import type { FastifyRequest } from 'fastify';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

@ApiTags('post-offices')
@ApiBearerAuth()
@Controller('post-offices')
export class PostOfficeImportController {
  constructor(private readonly importOffices: ImportPostOfficesUseCase) {}

  @Post('import')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: `Import post offices from CSV (columns: ${CSV_COLUMNS.join(', ')}). All lines or none.` })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async import(@Req() req: FastifyRequest, @CurrentUser() actor: AuthUser): Promise<PostOfficeImportResult> {
    return this.importOffices.execute(await readCsvBody(req), actor.id);
  }
}

/** The CSV arrives as a multipart file (field "file") or as a raw text/csv body. */
async function readCsvBody(req: FastifyRequest): Promise<string> {
  if (req.isMultipart()) {
    const file = await req.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
    if (!file) throw new ValidationError('send the CSV as a multipart file field named "file"');
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw new ValidationError(`the CSV is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`);
    return buffer.toString('utf8');
  }
  if (typeof req.body === 'string') return req.body;
  throw new ValidationError('send the CSV as text/csv or as a multipart file field named "file"');
}
