import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';

export const IDENTITY_ENTITIES = [User, AuthSession, RefreshToken];
