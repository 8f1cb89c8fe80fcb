import { z } from 'zod';

/** A member's score for a resource: a whole number from 1 to 5. */
export const RatingScore = z
  .number({ message: 'Een score van 1 tot 5 / A score from 1 to 5' })
  .int({ message: 'Een geheel getal van 1 tot 5 / A whole number from 1 to 5' })
  .min(1, { message: 'Minstens 1 / At least 1' })
  .max(5, { message: 'Hoogstens 5 / At most 5' });

/** `PUT /api/resources/:id/rating`: give or change my score. */
export const RateRequest = z.strictObject({ score: RatingScore });
export type RateRequest = z.infer<typeof RateRequest>;

/**
 * The scores of a resource. `average` is ratingSum / ratingCount from exact integer counters,
 * rounded to 2 decimals for display (null without ratings); `mine` is the viewer's own score
 * (null for visitors and members who have not rated).
 */
export const RatingSummary = z.object({
  average: z.number().nullable(),
  count: z.number().int(),
  mine: RatingScore.nullable(),
});
export type RatingSummary = z.infer<typeof RatingSummary>;
