import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Count = z.number().int().min(0).max(1_000_000_000).nullable();

/**
 * An entry of the incident register (as in the processor agreement): when it was found, what
 * happened and why, what was done, which data and how many people and records, and whether the
 * supervisory authority and the people concerned were told.
 */
export const IncidentInput = z
  .strictObject({
    foundAt: z.iso.datetime(),
    occurredAt: z.iso.datetime().nullable().default(null),
    nature: Text(2000),
    cause: Text(2000),
    measures: Text(4000),
    dataCategories: z.array(Text(100)).max(30).default([]),
    peopleAffected: Count.default(null),
    recordsAffected: Count.default(null),
    authorityNotifiedAt: z.iso.datetime().nullable().default(null),
    peopleNotifiedAt: z.iso.datetime().nullable().default(null),
    status: z.enum(['open', 'closed']).default('open'),
  })
  .refine((value) => !value.occurredAt || Date.parse(value.occurredAt) <= Date.parse(value.foundAt), { path: ['occurredAt'], message: 'Vóór de ontdekking / Before it was found' });
export type IncidentInput = z.input<typeof IncidentInput>;

export const IncidentView = z.object({
  id: z.uuid(),
  foundAt: z.iso.datetime(),
  occurredAt: z.iso.datetime().nullable(),
  nature: z.string(),
  cause: z.string(),
  measures: z.string(),
  dataCategories: z.array(z.string()),
  peopleAffected: z.number().int().nullable(),
  recordsAffected: z.number().int().nullable(),
  authorityNotifiedAt: z.iso.datetime().nullable(),
  peopleNotifiedAt: z.iso.datetime().nullable(),
  status: z.enum(['open', 'closed']),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type IncidentView = z.infer<typeof IncidentView>;

export const IncidentList = z.object({ items: z.array(IncidentView) });
export type IncidentList = z.infer<typeof IncidentList>;

export const IncidentQuery = z.strictObject({ status: z.enum(['open', 'closed']).optional() });
export type IncidentQuery = z.infer<typeof IncidentQuery>;

/** A sub-processor of the platform (hosting, e-mail, storage…), shown on the public page. */
export const SubProcessor = z.strictObject({
  name: Text(200),
  service: Text(500),
  location: Text(200),
  website: z.url({ protocol: /^https$/ }).nullable().default(null),
});
export type SubProcessor = z.input<typeof SubProcessor>;

export const SubProcessorList = z.strictObject({ items: z.array(SubProcessor).max(50) });
export type SubProcessorList = z.input<typeof SubProcessorList>;

/** The public page: who runs the platform, its sub-processors and the partners that may receive data with consent. */
export const SubProcessorsPage = z.object({
  operator: z.object({ name: z.string(), address: z.string(), privacyEmail: z.string() }),
  subProcessors: z.array(z.object({ name: z.string(), service: z.string(), location: z.string(), website: z.string().nullable() })),
  partners: z.array(z.object({ id: z.uuid(), name: z.string(), legalName: z.string(), privacyPolicyUrl: z.string() })),
  updatedAt: z.iso.datetime().nullable(),
});
export type SubProcessorsPage = z.infer<typeof SubProcessorsPage>;
