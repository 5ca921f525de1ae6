import { Injectable } from '@nestjs/common';
import type { PostOfficeView } from '@hotline/contracts';
import type { PostOfficeInputDto } from '../geo.dto';
import { PostOfficeChecker } from '../post-office-checker';
import { PostOfficeWriter } from '../post-office-writer';
import { PostOfficesService } from '../post-offices.service';

/** An admin adds a post office. */
@Injectable()
export class CreatePostOfficeUseCase {
  constructor(
    private readonly checker: PostOfficeChecker,
    private readonly writer: PostOfficeWriter,
    private readonly offices: PostOfficesService,
  ) {}

  async execute(dto: PostOfficeInputDto, actorId: string | null): Promise<PostOfficeView> {
    const clean = await this.checker.check({ ...dto });
    const id = await this.writer.create(clean, { actorId });
    return this.offices.get(id);
  }
}
