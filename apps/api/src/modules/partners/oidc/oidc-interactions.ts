import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { InteractionResults } from 'oidc-provider';
import { NotFound } from '../../../core/errors/domain-error.js';
import { OidcProviderService } from './oidc-provider.service.js';

/** An authorisation request waiting for the member, as the consent service needs it. */
export interface PendingInteraction {
  uid: string;
  prompt: string;
  clientId: string;
  scope: string;
  redirectUri: string;
}

/**
 * The provider's interactions, bound to the browser that started them: the interaction cookie
 * (set by the provider for this path only) must name the same request as the URL, so nobody can
 * answer another member's request by knowing its id.
 */
@Injectable()
export class OidcInteractions {
  constructor(private readonly oidc: OidcProviderService) {}

  async load(req: IncomingMessage, res: ServerResponse, uid: string): Promise<PendingInteraction> {
    const interaction = await this.oidc.provider.interactionDetails(req, res).catch(() => undefined);
    if (!interaction || interaction.uid !== uid) throw NotFound('Authorisation request');
    const params = interaction.params as Record<string, unknown>;
    return {
      uid: interaction.uid,
      prompt: interaction.prompt.name,
      clientId: String(params.client_id ?? ''),
      scope: String(params.scope ?? ''),
      redirectUri: String(params.redirect_uri ?? ''),
    };
  }

  /**
   * When the provider still remembers another member in this browser (someone signed out of the
   * platform and another signed in), that provider session ends here, so the decision continues
   * as the member who took it, without the provider's log-out page in between.
   */
  async forgetOtherMember(req: IncomingMessage, res: ServerResponse, memberId: string): Promise<void> {
    const interaction = await this.oidc.provider.interactionDetails(req, res).catch(() => undefined);
    if (!interaction) throw NotFound('Authorisation request');
    const previous = interaction.session;
    if (!previous?.accountId || previous.accountId === memberId) return;
    const session = previous.uid ? await this.oidc.provider.Session.findByUid(previous.uid) : undefined;
    if (session) await session.destroy();
    delete interaction.session;
    await interaction.save(Math.max(interaction.exp - Math.floor(Date.now() / 1000), 1));
  }

  /** Saves the decision and returns where the browser continues (back into the provider). */
  async finish(req: IncomingMessage, res: ServerResponse, result: InteractionResults): Promise<string> {
    try {
      return await this.oidc.provider.interactionResult(req, res, result, { mergeWithLastSubmission: false });
    } catch {
      // Expired or already answered in the meantime: the provider's own error, as a plain 404.
      throw NotFound('Authorisation request');
    }
  }

  /** A new grant for exactly the categories the member left ticked, the others recorded as refused. */
  async saveGrant(memberId: string, clientId: string, granted: readonly string[], refused: readonly string[]): Promise<string> {
    const grant = new this.oidc.provider.Grant({ accountId: memberId, clientId });
    grant.addOIDCScope(granted.join(' '));
    if (refused.length > 0) grant.rejectOIDCScope(refused.join(' '));
    return grant.save();
  }

  async grantExists(grantId: string | null): Promise<boolean> {
    return grantId ? Boolean(await this.oidc.provider.Grant.find(grantId)) : false;
  }
}
