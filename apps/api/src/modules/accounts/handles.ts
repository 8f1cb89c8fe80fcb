/** A URL-safe handle from a member's name: "Ann De Smet" → "ann-de-smet". */
export function handleFromName(firstName: string, lastName: string): string {
  const base = `${firstName} ${lastName}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'lid';
}
