import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository } from '@hotline/core';
import { PbxToken } from '../pbx-token.entity';

@Injectable()
export class PbxTokensRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  list(): Promise<PbxToken[]> {
    return this.repo(PbxToken).find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<PbxToken | null> {
    return this.repo(PbxToken).findOneBy({ id });
  }

  findByHash(tokenHash: string): Promise<PbxToken | null> {
    return this.repo(PbxToken).findOneBy({ tokenHash });
  }

  async nameTaken(name: string): Promise<boolean> {
    return (await this.repo(PbxToken).countBy({ name })) > 0;
  }

  async insert(token: PbxToken): Promise<void> {
    await this.repo(PbxToken).insert(token);
  }

  async deactivate(id: string): Promise<void> {
    await this.repo(PbxToken).update({ id }, { active: false });
  }
}
