import type { NotificationType } from '@lesplein/contracts/notification';

type Locale = 'nl' | 'en';

export interface NotificationFacts {
  actorName: string | null;
  resourceTitle: string | null;
  folderName: string | null;
  /** For saved_search_match: the saved search's name and the number of new matches. */
  savedSearchName?: string | null;
  matchCount?: number | null;
}

const someone = { nl: 'Iemand', en: 'Someone' };

/** One line describing an event, in the recipient's language. */
export function notificationLine(type: NotificationType, locale: Locale, facts: NotificationFacts): string {
  const actor = facts.actorName ?? someone[locale];
  const resource = facts.resourceTitle ? `„${facts.resourceTitle}”` : '';
  const lines: Record<NotificationType, Record<Locale, string>> = {
    comment_on_resource: { nl: `${actor} reageerde op je leermiddel ${resource}`, en: `${actor} commented on your resource ${resource}` },
    comment_reply: { nl: `${actor} antwoordde op je reactie bij ${resource}`, en: `${actor} replied to your comment on ${resource}` },
    mention: { nl: `${actor} vermeldde je bij ${resource}`, en: `${actor} mentioned you on ${resource}` },
    new_follower: { nl: `${actor} volgt je nu`, en: `${actor} now follows you` },
    new_message: { nl: `${actor} stuurde je een bericht`, en: `${actor} sent you a message` },
    resource_hidden: { nl: `Een moderator verborg je leermiddel ${resource}`, en: `A moderator hid your resource ${resource}` },
    folder_new_resource: { nl: `Nieuw in de map „${facts.folderName ?? ''}”: ${resource}`, en: `New in the folder “${facts.folderName ?? ''}”: ${resource}` },
    saved_search_match: savedSearchLine(facts, resource),
  };
  return lines[type][locale].trim();
}

export const TYPE_LABELS: Record<NotificationType, Record<Locale, string>> = {
  comment_on_resource: { nl: 'reacties op je leermiddelen', en: 'comments on your resources' },
  comment_reply: { nl: 'antwoorden op je reacties', en: 'replies to your comments' },
  mention: { nl: 'vermeldingen', en: 'mentions' },
  new_follower: { nl: 'nieuwe volgers', en: 'new followers' },
  new_message: { nl: 'nieuwe berichten', en: 'new messages' },
  resource_hidden: { nl: 'verborgen leermiddelen', en: 'hidden resources' },
  folder_new_resource: { nl: 'nieuwe leermiddelen in gevolgde mappen', en: 'new resources in followed folders' },
  saved_search_match: { nl: 'nieuwe resultaten voor bewaarde zoekopdrachten', en: 'new results for saved searches' },
};

function savedSearchLine(facts: NotificationFacts, resource: string): Record<Locale, string> {
  const name = facts.savedSearchName ?? '';
  const count = facts.matchCount ?? 1;
  if (count <= 1) return { nl: `Nieuw voor je zoekopdracht „${name}”: ${resource}`, en: `New for your saved search “${name}”: ${resource}` };
  return {
    nl: `${count} nieuwe leermiddelen voor je zoekopdracht „${name}”, waaronder ${resource}`,
    en: `${count} new resources for your saved search “${name}”, including ${resource}`,
  };
}
