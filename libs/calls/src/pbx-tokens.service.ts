import { createHash, randomBytes } from 'node:crypto';
import { onePage } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import type { Page, PbxTokenView } from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  NotFoundError,
  UnauthenticatedError,
  UnitOfWork,
  uuidv7,
  VersionedCache,
} from '@hotline/core';
import type { PbxToken } from './pbx-token.entity';
import { PbxTokensRepository } from './repositories/pbx-tokens.repository';
import { toTokenView } from './views';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Every event authenticates: valid tokens are remembered briefly (a revocation applies within this time elsewhere). */
const TOKEN_CACHE_MS = 5000;

const invalidToken = () => new UnauthenticatedError('Missing or invalid CTI token', 'INVALID_CTI_TOKEN');

/** The PBXs allowed to post CTI events (admin), and the authentication of their events. */
@Injectable()
export class PbxTokensService {
  /** By token hash; unknown and revoked tokens are not cached (the load throws). */
  private readonly valid: VersionedCache<string, PbxToken>;

  constructor(
    private readonly tokens: PbxTokensRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.valid = new VersionedCache({
      recheckMs: TOKEN_CACHE_MS,
      load: async (hash) => {
        const t = await this.tokens.findByHash(hash);
        if (!t || !t.active) throw invalidToken();
        return t;
      },
    });
  }

  /** A small catalogue: one page. */
  async list(): Promise<Page<PbxTokenView>> {
    return onePage((await this.tokens.list()).map(toTokenView));
  }

  /** Registers a PBX; the token is in this answer only (the table holds its SHA-256). */
  async create(name: string, outboundCallerId: string | null, actorId: string): Promise<PbxTokenView> {
    const token = randomBytes(24).toString('base64url');
    return this.uow.run(async (tx) => {
      if (await this.tokens.nameTaken(name))
        throw new ConflictError(`a PBX named ${name} already exists`, 'CONFLICT', { field: 'name' });
      const row: PbxToken = {
        id: uuidv7(),
        name,
        tokenHash: hashToken(token),
        active: true,
        outboundCallerId,
        createdAt: this.clock.now(),
      };
      await this.tokens.insert(row);
      await tx.history({ actorId, entityType: 'pbx_token', entityId: row.id, action: 'created' });
      return { ...toTokenView(row), token };
    });
  }

  async revoke(id: string, actorId: string): Promise<PbxTokenView> {
    const view = await this.uow.run(async (tx) => {
      const t = await this.tokens.findById(id);
      if (!t) throw new NotFoundError('PBX token', id);
      await this.tokens.deactivate(id);
      await tx.history({ actorId, entityType: 'pbx_token', entityId: id, action: 'revoked' });
      return toTokenView({ ...t, active: false });
    });
    this.valid.invalidate();
    return view;
  }

  /** 401 for a missing, unknown or revoked token. Compared by hash (the table never holds a usable token). */
  async authenticate(token: string | undefined | null): Promise<PbxToken> {
    if (!token || token.length > 200) throw invalidToken();
    return this.valid.get(hashToken(token));
  }
}
