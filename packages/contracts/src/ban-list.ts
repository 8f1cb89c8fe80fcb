import { z } from 'zod';

/**
 * An address for the ban list, as a moderator types or pastes it: Unicode is allowed (full-width
 * characters, an international domain); the API derives the exact and canonical forms from it
 * (docs/moderation.md) and refuses what is not an address.
 */
export const BanListEmail = z
  .string()
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(
    z
      .string()
      .min(3)
      .max(254)
      .regex(/^[^\s@]+@[^\s@]+$/u, { message: 'Geef een geldig e-mailadres / Enter a valid e-mail address' }),
  );

export const AddBanEntryRequest = z.strictObject({
  email: BanListEmail,
  /** Why the address is banned (for moderators; do not repeat the address here). */
  reason: z.string().trim().min(3).max(1000),
  /** Keep the address itself, encrypted, readable by those with the ban-list right (each read is logged). */
  keepAddress: z.boolean(),
});
export type AddBanEntryRequest = z.input<typeof AddBanEntryRequest>;

/** An entry as listed: never the address, only whether it was kept. */
export const BanEntryView = z.object({
  id: z.uuid(),
  reason: z.string(),
  /** The handle of the moderator or admin who added it; null once their account is gone. */
  addedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  hasAddress: z.boolean(),
});
export type BanEntryView = z.infer<typeof BanEntryView>;

export const BanEntryPage = z.object({ items: z.array(BanEntryView), nextCursor: z.string().nullable() });
export type BanEntryPage = z.infer<typeof BanEntryPage>;

/** The answer to adding an entry: the entry and how many existing accounts were locked at once. */
export const BanEntryAdded = z.object({
  entry: BanEntryView,
  accountsLocked: z.number().int().min(0),
});
export type BanEntryAdded = z.infer<typeof BanEntryAdded>;

/** The kept address of an entry (each read is recorded in the logbook). */
export const BanEntryAddress = z.object({ address: z.string() });
export type BanEntryAddress = z.infer<typeof BanEntryAddress>;

export const BanEntryIdParam = z.strictObject({ id: z.uuid() });
export type BanEntryIdParam = z.infer<typeof BanEntryIdParam>;
