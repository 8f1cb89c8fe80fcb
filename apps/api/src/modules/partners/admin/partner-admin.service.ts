import { Injectable } from '@nestjs/common';
import {
  PARTNER_SCOPES,
  type AdminPartnerList,
  type AdminPartnerView,
  type CreatePartnerRequest,
  type PartnerCreated,
  type PartnerCredentials,
  type PartnerNoticeInput,
  type PartnerScope,
  type UpdatePartnerRequest,
} from '@lesplein/contracts/partner';
import type { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { AuditLog } from '../../../core/audit/audit-log.js';
import { Keys } from '../../../core/crypto/keys.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Conflict, Forbidden, NotFound, ValidationFailed, type FieldError } from '../../../core/errors/domain-error.js';
import { reencodeImage } from '../../../core/images/uploaded-image.js';
import { ConsentWithdrawalService } from '../consent/consent-withdrawal.service.js';
import { newClientId, newClientSecret, sealClientSecret } from '../partner-secrets.js';
import { byName, toAdminPartner } from './partner.mapper.js';
import { PartnersRepository, type PartnerData } from './partners.repository.js';

/** A validated creation request (defaults applied). */
export type NewPartner = z.output<typeof CreatePartnerRequest>;

const DUPLICATE_NAME = 'Er is al een partner met deze naam / A partner with this name already exists.';
const RULES_BROKEN = 'De partner voldoet niet aan de regels / The partner does not meet the rules.';

/** Logos are shown small: at most 256 px on the longest side, never cropped, transparency kept. */
const LOGO_ENCODING = { size: 256, fit: 'contain', field: 'logo' } as const;
const LOGO_MIME_TYPE = 'image/webp';

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The allowed scopes with `openid` added when missing, in the canonical order. */
export function withOpenid(scopes: readonly PartnerScope[]): PartnerScope[] {
  const wanted = new Set<PartnerScope>(['openid', ...scopes]);
  return PARTNER_SCOPES.filter((scope) => wanted.has(scope));
}

/**
 * Pairwise subject identifiers are computed per sector, which is the host of the redirect URIs
 * when no sector identifier URI is registered: so all redirect URIs must share one host (and port).
 */
export function redirectHostErrors(redirectUris: readonly string[], path = 'redirectUris'): FieldError[] {
  const hosts = unique(redirectUris.map((uri) => new URL(uri).host));
  if (hosts.length <= 1) return [];
  return [
    {
      path,
      message: `Alle redirect-URI's moeten op één host staan (${hosts.join(', ')}) / All redirect URIs must be on one host (${hosts.join(', ')}): members get a pseudonymous identifier per host`,
    },
  ];
}

/** Every allowed scope other than `openid` must be a data category the notice names. */
export function scopeErrors(allowedScopes: readonly string[], dataCategories: readonly string[], path: string): FieldError[] {
  const missing = allowedScopes.filter((scope) => scope !== 'openid' && !dataCategories.includes(scope));
  if (missing.length === 0) return [];
  return [
    {
      path,
      message: `De privacybijsluiter noemt deze gegevens niet: ${missing.join(', ')} / The privacy notice does not list these data categories: ${missing.join(', ')}`,
    },
  ];
}

/**
 * Admins register partners (publishers) and their OpenID Connect clients, publish new versions of
 * their privacy notices, suspend and reactivate them and replace their client secrets. The client
 * secret is shown once and stored sealed; suspension ends every consent (members consent again after
 * reactivation, and their tokens stop working at once).
 */
@Injectable()
export class PartnerAdminService {
  constructor(
    private readonly partners: PartnersRepository,
    private readonly transactions: TransactionRunner,
    private readonly withdrawals: ConsentWithdrawalService,
    private readonly keys: Keys,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor): Promise<AdminPartnerList> {
    assertAdmin(actor);
    return { items: (await this.partners.list()).map(toAdminPartner).sort(byName) };
  }

  async get(actor: Actor, id: string): Promise<AdminPartnerView> {
    assertAdmin(actor);
    return this.view(id);
  }

  async create(actor: Actor, input: NewPartner): Promise<PartnerCreated> {
    assertAdmin(actor);
    return this.register(input, actor);
  }

  /** Registers a partner with notice version 1. For admins (through `create`) and the operator's CLI. */
  async register(input: NewPartner, actor: Actor | null = null): Promise<PartnerCreated> {
    const allowedScopes = withOpenid(input.allowedScopes);
    const redirectUris = unique(input.redirectUris);
    const dataCategories = unique(input.notice.dataCategories);
    const errors = [...redirectHostErrors(redirectUris), ...scopeErrors(allowedScopes, dataCategories, 'notice.dataCategories')];
    if (errors.length > 0) throw ValidationFailed(errors, RULES_BROKEN);
    if (await this.partners.nameTaken(input.name)) throw Conflict(DUPLICATE_NAME);

    const clientId = newClientId();
    const clientSecret = input.clientAuth === 'none' ? null : newClientSecret();
    const created = await this.partners.create(
      {
        name: input.name,
        legalName: input.legalName,
        address: input.address,
        contactEmail: input.contactEmail,
        dpoEmail: input.dpoEmail,
        websiteUrl: input.websiteUrl,
        privacyPolicyUrl: input.privacyPolicyUrl,
        notificationUrl: input.notificationUrl,
        redirectUris,
        allowedScopes,
        clientId,
        clientAuth: input.clientAuth,
        clientSecretSealed: clientSecret === null ? null : sealClientSecret(this.keys, clientSecret),
      },
      { ...input.notice, dataCategories },
    );
    if (!created) throw Conflict(DUPLICATE_NAME);
    await this.audit.recordNow({ actor, action: 'partner.created', targetType: 'partner', targetId: created.id, details: { allowedScopes, redirectUris, clientAuth: input.clientAuth } });
    return { partner: toAdminPartner(created), credentials: { partnerId: created.id, clientId, clientSecret } };
  }

  async update(actor: Actor, id: string, changes: UpdatePartnerRequest): Promise<AdminPartnerView> {
    assertAdmin(actor);
    const current = await this.partners.byId(id);
    if (!current) throw NotFound('Partner');
    // Fields left out are undefined, which Prisma leaves unchanged.
    const data: Partial<PartnerData> = { ...changes };
    const errors: FieldError[] = [];
    if (changes.redirectUris) {
      data.redirectUris = unique(changes.redirectUris);
      errors.push(...redirectHostErrors(data.redirectUris));
    }
    if (changes.allowedScopes) {
      data.allowedScopes = withOpenid(changes.allowedScopes);
      errors.push(...scopeErrors(data.allowedScopes, current.notices[0]?.dataCategories ?? [], 'allowedScopes'));
    }
    if (errors.length > 0) throw ValidationFailed(errors, RULES_BROKEN);
    if (changes.name !== undefined && (await this.partners.nameTaken(changes.name, id))) throw Conflict(DUPLICATE_NAME);
    const updated = await this.partners.update(id, data);
    if (!updated) throw Conflict(DUPLICATE_NAME);
    await this.audit.recordNow({ actor, action: 'partner.updated', targetType: 'partner', targetId: id, details: { fields: Object.keys(changes).sort() } });
    return toAdminPartner(updated);
  }

  /**
   * Publishes a new version of the privacy notice (version = last + 1); earlier versions stay as
   * the evidence of earlier consents. It must still name every category the partner may ask for.
   */
  async publishNotice(actor: Actor, id: string, notice: PartnerNoticeInput): Promise<AdminPartnerView> {
    assertAdmin(actor);
    const dataCategories = unique(notice.dataCategories);
    await this.transactions.run(async (tx) => {
      const partner = await this.partners.lockForNewNotice(tx, id);
      if (!partner) throw NotFound('Partner');
      const errors = scopeErrors(partner.allowedScopes, dataCategories, 'dataCategories');
      if (errors.length > 0) throw ValidationFailed(errors, RULES_BROKEN);
      await this.partners.createNotice(tx, id, partner.version + 1, { ...notice, dataCategories });
      await this.audit.record(tx, { actor, action: 'partner.notice_published', targetType: 'partner', targetId: id, details: { version: partner.version + 1 } });
    });
    return this.view(id);
  }

  /** Suspends the partner and withdraws every consent given to it; running it twice is harmless. */
  async suspend(actor: Actor, id: string): Promise<AdminPartnerView> {
    assertAdmin(actor);
    if (!(await this.partners.byId(id))) throw NotFound('Partner');
    // First refuse new authorisations (the provider only knows active partners), then end the existing ones.
    await this.partners.setStatus(id, 'suspended');
    const withdrawn = await this.withdrawals.withdrawAllForPartner(id, 'admin', actor.memberId);
    await this.audit.recordNow({ actor, action: 'partner.suspended', targetType: 'partner', targetId: id, details: { consentsWithdrawn: withdrawn } });
    return this.view(id);
  }

  /** Reactivates the partner; members must consent again (their consents were withdrawn at suspension). */
  async reactivate(actor: Actor, id: string): Promise<AdminPartnerView> {
    assertAdmin(actor);
    if (!(await this.partners.byId(id))) throw NotFound('Partner');
    await this.partners.setStatus(id, 'active');
    await this.audit.recordNow({ actor, action: 'partner.reactivated', targetType: 'partner', targetId: id });
    return this.view(id);
  }

  /**
   * Stores the partner's logo, re-encoded (metadata and anything else in the original file dropped);
   * the platform serves it itself so that members' browsers never contact the partner.
   */
  async setLogo(actor: Actor, id: string, image: Buffer): Promise<AdminPartnerView> {
    assertAdmin(actor);
    if (!(await this.partners.byId(id))) throw NotFound('Partner');
    const logo = await reencodeImage(image, LOGO_ENCODING);
    const updated = await this.partners.setLogo(id, { bytes: new Uint8Array(logo), mimeType: LOGO_MIME_TYPE });
    if (!updated) throw NotFound('Partner');
    await this.audit.recordNow({ actor, action: 'partner.logo_changed', targetType: 'partner', targetId: id, details: { mimeType: LOGO_MIME_TYPE, bytes: logo.length } });
    return toAdminPartner(updated);
  }

  /** Removes the logo; removing a logo that is not there changes nothing. */
  async removeLogo(actor: Actor, id: string): Promise<AdminPartnerView> {
    assertAdmin(actor);
    const current = await this.partners.byId(id);
    if (!current) throw NotFound('Partner');
    if (current.logoMimeType === null) return toAdminPartner(current);
    const updated = await this.partners.setLogo(id, null);
    if (!updated) throw NotFound('Partner');
    await this.audit.recordNow({ actor, action: 'partner.logo_removed', targetType: 'partner', targetId: id });
    return toAdminPartner(updated);
  }

  /** Replaces the client secret: the new one is returned once, the old one stops working. */
  async rotateSecret(actor: Actor, id: string): Promise<PartnerCredentials> {
    assertAdmin(actor);
    const partner = await this.partners.byId(id);
    if (!partner) throw NotFound('Partner');
    if (partner.clientAuth === 'none') {
      throw ValidationFailed(
        [{ path: 'clientAuth', message: 'Een publieke client (clientAuth none) heeft geen geheim / A public client (clientAuth none) has no secret' }],
        'This partner has no client secret.',
      );
    }
    const clientSecret = newClientSecret();
    await this.partners.setSecret(id, sealClientSecret(this.keys, clientSecret));
    await this.audit.recordNow({ actor, action: 'partner.secret_replaced', targetType: 'partner', targetId: id });
    return { partnerId: partner.id, clientId: partner.clientId, clientSecret };
  }

  private async view(id: string): Promise<AdminPartnerView> {
    const partner = await this.partners.byId(id);
    if (!partner) throw NotFound('Partner');
    return toAdminPartner(partner);
  }
}

/** The route guard already allows admins only; the service does not rely on it. */
function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw Forbidden();
}
