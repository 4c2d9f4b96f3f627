import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { UserRole } from '../../contract/schemas/index.js';

const ISSUER = 'audit-log-reference-api';
const AUDIENCE = 'audit-log-api';

export interface AccessClaims {
  userId: string;
  tenantId: string;
  sessionId: string;
  roles: UserRole[];
}

/** A viewer session's token names only the session; what it may read is kept with the session. */
export interface ViewerClaims {
  tenantId: string;
  sessionId: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** Marks a viewer session's token, so it is never read as a user's and the other way round. */
const VIEWER_KIND = 'viewer';

/** Signs and checks access tokens (HS256 JWTs that name their tenant, as the contract asks). */
export class AccessTokens {
  #key: Promise<CryptoKey> | undefined;

  /** `secret` is asked for once, on first use, so a store can supply it asynchronously. */
  constructor(
    private readonly secret: () => Promise<string>,
    readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  /**
   * An HMAC CryptoKey rather than raw bytes: jose checks `instanceof Uint8Array`, which fails
   * for bytes made in another realm (jsdom's TextEncoder in tests, iframes in browsers).
   */
  #signingKey(): Promise<CryptoKey> {
    this.#key ??= this.secret().then((text) =>
      crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(text),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign', 'verify'],
      ),
    );
    return this.#key;
  }

  async sign(claims: AccessClaims): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000);
    return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId, roles: claims.roles })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(await this.#signingKey());
  }

  async signViewer(claims: ViewerClaims): Promise<string> {
    return new SignJWT({ tid: claims.tenantId, sid: claims.sessionId, knd: VIEWER_KIND })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sessionId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(this.now() / 1000))
      .setExpirationTime(claims.expiresAt)
      .sign(await this.#signingKey());
  }

  /** A user's or a viewer session's claims, or null when the token is forged, malformed or expired. */
  async verify(
    token: string,
  ): Promise<({ kind: 'user' } & AccessClaims) | ({ kind: 'viewer' } & ViewerClaims) | null> {
    const payload = await this.#payload(token);
    if (!payload) return null;
    const { tid, sid, exp } = payload;
    if (payload.knd === VIEWER_KIND) {
      if (typeof tid !== 'string' || typeof sid !== 'string' || typeof exp !== 'number') {
        return null;
      }
      return { kind: 'viewer', tenantId: tid, sessionId: sid, expiresAt: exp };
    }
    const claims = userClaims(payload);
    return claims && { kind: 'user', ...claims };
  }

  async #payload(token: string): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, await this.#signingKey(), {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.now()),
      });
      return payload;
    } catch {
      return null;
    }
  }
}

function userClaims({ sub, tid, sid, roles }: JWTPayload): AccessClaims | null {
  if (typeof sub !== 'string' || typeof tid !== 'string' || typeof sid !== 'string') return null;
  return {
    userId: sub,
    tenantId: tid,
    sessionId: sid,
    roles: Array.isArray(roles) ? (roles as UserRole[]) : [],
  };
}
