import { z } from 'zod';

export const FavouriteState = z.object({ favourited: z.boolean(), count: z.number().int() });
export type FavouriteState = z.infer<typeof FavouriteState>;
