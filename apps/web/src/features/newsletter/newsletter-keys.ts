/** Query keys shared by the newsletter operations. */
export const newsletterKeys = {
  /** The member's choice; member data, forgotten at log-out. */
  mine: ['newsletter', 'mine'] as const,
  admin: ['administration', 'newsletters'] as const,
};
