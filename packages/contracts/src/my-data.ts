import { z } from 'zod';
import { PartnerScope } from './partner.js';

export const MyDataField = z.object({
  field: z.string(),
  purpose: z.string(),
  basis: z.string(),
  retention: z.string(),
  /** What account deletion does to it: erase, anonymise, detach or retain. */
  atDeletion: z.enum(['erase', 'anonymise', 'detach', 'retain']),
});
export type MyDataField = z.infer<typeof MyDataField>;

/** One kind of record the platform holds about the member, from the data inventory (the schema's tags). */
export const MyDataCategory = z.object({
  model: z.string(),
  /** How many such records are about or linked to the member. */
  rows: z.number().int(),
  fields: z.array(MyDataField),
});
export type MyDataCategory = z.infer<typeof MyDataCategory>;

export const MyDataRecipient = z.object({
  partnerId: z.uuid(),
  partnerName: z.string(),
  categories: z.array(PartnerScope),
  grantedAt: z.iso.datetime(),
});
export type MyDataRecipient = z.infer<typeof MyDataRecipient>;

/** The "my data" overview: every category held about the member, and the partners that receive data with consent. */
export const MyData = z.object({
  categories: z.array(MyDataCategory),
  recipients: z.array(MyDataRecipient),
});
export type MyData = z.infer<typeof MyData>;
