import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { PbxToken, PbxTokensService } from '@hotline/calls';

export interface CtiRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  pbx?: PbxToken;
}

/** The PBX's own authentication: `x-cti-token` header (generic API) or the `:token` path segment (Zammad format). */
@Injectable()
export class CtiTokenGuard implements CanActivate {
  constructor(private readonly tokens: PbxTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<CtiRequest>();
    const header = req.headers['x-cti-token'];
    const token = req.params?.token ?? (Array.isArray(header) ? header[0] : header);
    req.pbx = await this.tokens.authenticate(token);
    return true;
  }
}
