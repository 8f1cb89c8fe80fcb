import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PARTNER_SCOPES } from '@lesplein/contracts/partner';
import Provider, { interactionPolicy, type AdapterPayload, type Configuration, type KoaContextWithOIDC, type ResponseType } from 'oidc-provider';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { SESSION_COOKIE } from '../../../core/auth/session-cookie.js';
import { SessionService } from '../../../core/auth/session.service.js';
import { Keys } from '../../../core/crypto/keys.js';
import { ConsentRecordsRepository } from '../consent/consent-records.repository.js';
import { openClientSecret } from '../partner-secrets.js';
import { claimsConfiguration, disclosedScopes, memberClaims } from './member-claims.js';
import { MemberClaimsRepository } from './member-claims.repository.js';
import { adapterClass } from './oidc-adapter.js';
import { OidcClientsRepository } from './oidc-clients.repository.js';
import { OidcStoreRepository } from './oidc-store.repository.js';
import { pairwiseSubject } from './pairwise-subject.js';
import { renderProviderError, unknownAddressAsProblem } from './provider-error-page.js';
import { SigningKeys } from './signing-keys.js';

/** Where the provider sends the browser for log-in and consent (the API redirects on to the web page). */
export const INTERACTION_PATH = '/api/partner-consent';
const DAY = 24 * 3600;

/**
 * panva's oidc-provider, mounted under /oidc: authorization code flow with PKCE (S256) for
 * every client, exact redirect URIs, opaque short-lived access tokens, rotating refresh tokens,
 * pairwise subjects, profile data only from userinfo (never in ID tokens). Partners are its
 * clients; our consent records decide whether an earlier grant still counts.
 */
@Injectable()
export class OidcProviderService implements OnModuleInit {
  private readonly logger = new Logger('OidcProvider');
  private instance?: Provider;
  /** The provider's Node request handler, composed once (Koa composes its middleware per callback() call). */
  private handler?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** PUBLIC_URL's host and scheme, the origin of every URL the provider gives out. */
  private publicOrigin = { host: '', protocol: '' };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: Keys,
    private readonly store: OidcStoreRepository,
    private readonly clients: OidcClientsRepository,
    private readonly members: MemberClaimsRepository,
    private readonly records: ConsentRecordsRepository,
    private readonly sessions: SessionService,
    private readonly signingKeys: SigningKeys,
  ) {}

  get issuer(): string {
    return `${this.config.publicUrl}/oidc`;
  }

  get provider(): Provider {
    if (!this.instance) throw new Error('The OpenID Connect provider is not started yet');
    return this.instance;
  }

  async onModuleInit(): Promise<void> {
    const provider = new Provider(this.issuer, await this.configuration());
    // The forwarded headers it reads are always set by handle(), never a client's.
    provider.proxy = true;
    provider.use(unknownAddressAsProblem);
    provider.on('server_error', (_ctx, error) => this.logger.error(`OpenID Connect provider: ${error.message}`));
    this.instance = provider;
    this.handler = provider.callback();
    const origin = new URL(this.config.publicUrl);
    this.publicOrigin = { host: origin.host, protocol: origin.protocol.slice(0, -1) };
  }

  /**
   * Serves a request whose URL has /oidc stripped (originalUrl keeps it). The provider builds its
   * endpoints' URLs (discovery, redirects, token audiences) from the request's origin: that is
   * PUBLIC_URL's, so they always lie under the issuer, whatever Host the client sent or a proxy in
   * front passed on. `clientIp` is the address the API trusts (TRUST_PROXY).
   */
  handle(req: IncomingMessage, res: ServerResponse, clientIp: string): void {
    if (!this.handler) throw new Error('The OpenID Connect provider is not started yet');
    req.headers['x-forwarded-host'] = this.publicOrigin.host;
    req.headers['x-forwarded-proto'] = this.publicOrigin.protocol;
    req.headers['x-forwarded-for'] = clientIp;
    void this.handler(req, res);
  }

  private async configuration(): Promise<Configuration> {
    const cookieKey = this.keys.key('oidc-cookies').toString('base64url');
    return {
      adapter: adapterClass(this.store, (clientId) => this.clientMetadata(clientId)),
      findAccount: (ctx, accountId) => this.findAccount(ctx, accountId),
      claims: claimsConfiguration(),
      scopes: [...PARTNER_SCOPES],
      conformIdTokenClaims: true,
      responseTypes: ['code'],
      subjectTypes: ['pairwise'],
      pairwiseIdentifier: (_ctx, accountId, client) => pairwiseSubject(this.keys, accountId, client.clientId),
      pkce: { required: () => true },
      allowOmittingSingleRegisteredRedirectUri: false,
      rotateRefreshToken: true,
      // Refresh tokens live as long as the consent (until withdrawn or 30 days unused), not as long
      // as the member's browser session with the provider.
      expiresWithSession: () => false,
      issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      clientDefaults: {
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
        subject_type: 'pairwise',
      },
      clientBasedCORS: (ctx, origin, client) => client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
      features: {
        devInteractions: { enabled: false },
        revocation: { enabled: true },
        userinfo: { enabled: true },
        introspection: { enabled: false },
        rpInitiatedLogout: { enabled: false },
        claimsParameter: { enabled: false },
        // Bearer tokens only: the partner API does not check DPoP proofs, so the provider does not offer it.
        dPoP: { enabled: false },
      },
      ttl: {
        AccessToken: 600,
        AuthorizationCode: 60,
        IdToken: 600,
        Interaction: 1800,
        Session: 14 * DAY,
        Grant: 365 * DAY,
        RefreshToken: 30 * DAY,
      },
      cookies: { keys: [cookieKey] },
      jwks: { keys: [await this.signingKeys.privateJwk()] },
      interactions: {
        url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
        policy: this.policy(),
      },
      loadExistingGrant: (ctx) => this.loadExistingGrant(ctx),
      renderError: (ctx, out) => renderProviderError(ctx, out),
    };
  }

  /** The base policy, plus: the provider's session must belong to the member signed in to the platform. */
  private policy() {
    const policy = interactionPolicy.base();
    policy.get('login')?.checks.add(
      new interactionPolicy.Check('platform_session_differs', 'the member signed in to the platform is not the session principal', async (ctx) => {
        const token = ctx.cookies.get(SESSION_COOKIE, { signed: false });
        const actor = token ? await this.sessions.resolve(token) : undefined;
        return actor?.memberId !== ctx.oidc.session?.accountId ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT;
      }),
    );
    return policy;
  }

  /**
   * An earlier grant counts only while our consent record for it is active and names the
   * partner's current notice version: withdrawal, a new notice or suspension asks again.
   */
  private async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const { client, session, result } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grantId = (result?.consent as { grantId?: string } | undefined)?.grantId ?? session.grantIdFor(client.clientId);
    if (!grantId) return undefined;
    const partner = await this.clients.activeByClientId(client.clientId);
    const consent = partner ? await this.records.active(session.accountId, partner.id) : null;
    if (!partner || !consent || consent.grantId !== grantId || consent.noticeId !== partner.notices[0]?.id) return undefined;
    return ctx.oidc.provider.Grant.find(grantId);
  }

  private async findAccount(ctx: KoaContextWithOIDC, accountId: string) {
    const member = await this.members.activeMember(accountId);
    if (!member) return undefined;
    const clientId = ctx.oidc.client?.clientId;
    const partner = clientId ? await this.clients.activeByClientId(clientId) : null;
    const consent = partner ? await this.records.active(accountId, partner.id) : null;
    // Userinfo answers only while the consent stands (belt and braces: withdrawal also deletes the tokens).
    if (ctx.oidc.route === 'userinfo' && !consent) return undefined;
    return {
      accountId,
      claims: async (use: string, scope: string) => {
        if (use !== 'userinfo' || !partner || !consent) return { sub: accountId };
        const scopes = disclosedScopes(scope, consent.grantedScopes);
        await this.records.logDisclosure({ memberId: accountId, partnerId: partner.id, consentId: consent.id, channel: 'userinfo', categories: ['openid', ...scopes] });
        return { sub: accountId, ...memberClaims(member, scopes) };
      },
    };
  }

  private async clientMetadata(clientId: string): Promise<AdapterPayload | undefined> {
    const partner = await this.clients.activeByClientId(clientId);
    if (!partner) return undefined;
    return {
      client_id: partner.clientId,
      ...(partner.clientAuth !== 'none' && partner.clientSecretSealed ? { client_secret: openClientSecret(this.keys, partner.clientSecretSealed) } : {}),
      token_endpoint_auth_method: partner.clientAuth,
      redirect_uris: partner.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'] as ResponseType[],
      scope: partner.allowedScopes.join(' '),
      subject_type: 'pairwise',
      client_name: partner.name,
    };
  }
}
