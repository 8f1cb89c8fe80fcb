import { Injectable } from '@nestjs/common';
import type { PublicPartnerList, PublicPartnerView } from '@lesplein/contracts/partner';
import { NotFound } from '../../../core/errors/domain-error.js';
import { byName, toPublicPartner } from '../admin/partner.mapper.js';
import { PartnersRepository } from '../admin/partners.repository.js';

/** The public list of active partners and their current privacy notices (anyone may read it). */
@Injectable()
export class PartnerDirectoryService {
  constructor(private readonly partners: PartnersRepository) {}

  async list(): Promise<PublicPartnerList> {
    return { items: (await this.partners.activeList()).map(toPublicPartner).sort(byName) };
  }

  /** A suspended partner is not in the directory: 404, like an unknown one. */
  async get(id: string): Promise<PublicPartnerView> {
    const partner = await this.partners.activeById(id);
    if (!partner) throw NotFound('Partner');
    return toPublicPartner(partner);
  }

  /** An active partner's logo as stored (re-encoded at upload); 404 when it has none or is suspended. */
  async logo(id: string): Promise<{ bytes: Buffer; mimeType: string }> {
    const partner = await this.partners.activeLogo(id);
    if (!partner?.logo || !partner.logoMimeType) throw NotFound('Logo');
    return { bytes: Buffer.from(partner.logo), mimeType: partner.logoMimeType };
  }
}
