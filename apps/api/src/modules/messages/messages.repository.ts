import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';

const cardSelect = { id: true, handle: true, firstName: true, lastName: true } as const;

/** Conversations between two members and their messages. */
@Injectable()
export class MessagesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The conversation of a pair (ids sorted so each pair has one), created when missing. */
  async conversationFor(tx: Tx, one: string, other: string): Promise<string> {
    const [memberAId, memberBId] = [one, other].sort() as [string, string];
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Conversation" (id, "memberAId", "memberBId") VALUES (gen_random_uuid(), ${memberAId}::uuid, ${memberBId}::uuid)
      ON CONFLICT ("memberAId", "memberBId") DO UPDATE SET "memberAId" = EXCLUDED."memberAId"
      RETURNING id`;
    return rows[0]!.id;
  }

  findConversation(id: string, memberId: string, tx?: Tx) {
    return (tx ?? this.prisma).conversation.findFirst({ where: { id, OR: [{ memberAId: memberId }, { memberBId: memberId }] } });
  }

  async addMessage(tx: Tx, conversationId: string, senderId: string, body: string): Promise<{ id: string; createdAt: Date }> {
    const message = await tx.message.create({ data: { conversationId, senderId, body }, select: { id: true, createdAt: true } });
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { memberAId: true } });
    // Sending counts as having read everything so far.
    await tx.conversation.update({
      where: { id: conversationId },
      data: { lastMessageAt: message.createdAt, ...(conversation.memberAId === senderId ? { memberAReadAt: message.createdAt } : { memberBReadAt: message.createdAt }) },
    });
    return message;
  }

  listConversations(memberId: string) {
    return this.prisma.conversation.findMany({
      where: { OR: [{ memberAId: memberId }, { memberBId: memberId }] },
      orderBy: { lastMessageAt: 'desc' },
      take: 200,
      include: {
        memberA: { select: cardSelect },
        memberB: { select: cardSelect },
        messages: { orderBy: { createdAt: 'desc' }, take: 1, select: { body: true } },
      },
    });
  }

  async unreadIn(conversationId: string, memberId: string, since: Date | null): Promise<number> {
    return this.prisma.message.count({ where: { conversationId, senderId: { not: memberId }, ...(since ? { createdAt: { gt: since } } : {}) } });
  }

  async unreadTotal(memberId: string): Promise<number> {
    const rows = await this.prisma.$queryRaw<Array<{ count: bigint }>>`
      SELECT count(*) AS count FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
       WHERE (c."memberAId" = ${memberId}::uuid AND (c."memberAReadAt" IS NULL OR m."createdAt" > c."memberAReadAt")
           OR c."memberBId" = ${memberId}::uuid AND (c."memberBReadAt" IS NULL OR m."createdAt" > c."memberBReadAt"))
         AND (m."senderId" IS NULL OR m."senderId" <> ${memberId}::uuid)`;
    return Number(rows[0]?.count ?? 0);
  }

  messages(conversationId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.message.findMany({
      where: { conversationId, ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      include: { sender: { select: cardSelect } },
    });
  }

  async markRead(conversationId: string, memberId: string): Promise<void> {
    const conversation = await this.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { memberAId: true } });
    await this.prisma.conversation.update({ where: { id: conversationId }, data: conversation.memberAId === memberId ? { memberAReadAt: new Date() } : { memberBReadAt: new Date() } });
  }
}
