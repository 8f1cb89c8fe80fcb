import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from './prisma.service.js';

/** Lets services run one unit of work in a transaction without touching Prisma themselves. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 15_000 });
  }
}
