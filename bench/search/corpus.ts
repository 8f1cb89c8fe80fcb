import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random, Zipf } from './random.js';
import { buildVocabulary, FUNCTION_WORDS } from './vocabulary.js';

/** The taxonomy the API seeds (levels with typical ages, subjects): the same file, not a copy. */
export const TAXONOMY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/api/src/modules/taxonomy/data/flemish-taxonomy.json');

interface TaxonomyNode {
  key: string;
  nl: string;
  en: string;
  ages?: [number, number];
  children?: TaxonomyNode[];
}
export interface Taxonomy {
  levels: TaxonomyNode[];
  subjects: TaxonomyNode[];
}

export function readTaxonomy(): Taxonomy {
  return JSON.parse(fs.readFileSync(TAXONOMY_FILE, 'utf8')) as Taxonomy;
}

/** The resource types and licences the API accepts (packages/contracts). */
const TYPES = [['worksheet', 30], ['exercise', 18], ['document', 16], ['presentation', 12], ['video', 9], ['website', 6], ['image', 4], ['app', 3], ['audio', 2]] as const;
const LICENCES = [['CC-BY-SA', 35], ['CC-BY', 20], ['CC-BY-NC-SA', 18], ['CC0', 8], ['CC-BY-NC', 8], ['all-rights-reserved', 7], ['CC-BY-ND', 2], ['CC-BY-NC-ND', 2]] as const;
const LANGUAGES = [['nl', 86], ['fr', 6], ['en', 6], ['de', 2]] as const;
const FIRST_NAMES = ['An', 'Bart', 'Els', 'Jonas', 'Lien', 'Nora', 'Pieter', 'Sofie', 'Tom', 'Wout', 'Hanne', 'Karel', 'Marie', 'Ruben', 'Fien', 'Lucas'];
const LAST_NAMES = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois', 'Hermans', 'Aerts', 'Vermeulen'];

export interface Author {
  id: string;
  email: string;
  handle: string;
  firstName: string;
  lastName: string;
}

export interface CorpusResource {
  id: string;
  authorId: string;
  title: string;
  description: string;
  keywords: string[];
  type: string;
  licence: string;
  language: string;
  subjects: string[];
  levels: string[];
  ageMin: number;
  ageMax: number;
  link: string | null;
  hasFile: boolean;
  state: 'published' | 'hidden' | 'draft';
  createdAt: Date;
  publishedAt: Date | null;
  viewCount: number;
  favouriteCount: number;
  ratingCount: number;
  ratingSum: number;
}

/** Fixed reference moment, so dates do not depend on the day the benchmark runs. */
const EPOCH = Date.parse('2026-01-01T00:00:00Z');
const YEAR = 365 * 24 * 3600 * 1000;

/**
 * A deterministic corpus: `size` resources by `size / 40` authors. Words follow Zipf's law over
 * a Dutch vocabulary (titles and keywords lean on the common words, descriptions mix in
 * function words), metadata follows the taxonomy (a level's ages give the age range).
 */
export class Corpus {
  readonly vocabulary = buildVocabulary();
  readonly zipf = new Zipf(this.vocabulary.length);
  private readonly leafLevels: TaxonomyNode[];
  private readonly subjectKeys: string[];
  private readonly subjectZipf: Zipf;

  constructor(
    readonly size: number,
    readonly seed = 'lesplein-search-bench',
    taxonomy: Taxonomy = readTaxonomy(),
  ) {
    this.leafLevels = taxonomy.levels.flatMap((level) => (level.children?.length ? level.children : [level])).filter((level) => level.ages);
    this.subjectKeys = taxonomy.subjects.flatMap((subject) => [subject.key, ...(subject.children ?? []).map((child) => child.key)]);
    this.subjectZipf = new Zipf(this.subjectKeys.length, 0.9);
  }

  get authorCount(): number {
    return Math.max(10, Math.ceil(this.size / 40));
  }

  *authors(): Generator<Author> {
    const random = new Random(`${this.seed}:authors`);
    for (let i = 0; i < this.authorCount; i++) {
      const firstName = random.pick(FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      yield { id: random.uuid(), email: `bench-author-${i}@example.org`, handle: `bench-auteur-${i}`, firstName, lastName };
    }
  }

  /** Author ids in the order `authors()` yields them. */
  authorIds(): string[] {
    return [...this.authors()].map((author) => author.id);
  }

  *resources(authorIds: string[] = this.authorIds()): Generator<CorpusResource> {
    const random = new Random(`${this.seed}:resources`);
    for (let i = 0; i < this.size; i++) {
      const level = random.pick(this.leafLevels);
      const levels = [level.key];
      if (random.chance(0.25)) levels.push(random.pick(this.leafLevels).key);
      const subjects = [this.subjectKeys[this.subjectZipf.draw(random)]!];
      if (random.chance(0.2)) subjects.push(this.subjectKeys[this.subjectZipf.draw(random)]!);
      const type = random.weighted(TYPES);
      const isLink = type === 'website' || type === 'app' || (type === 'video' && random.chance(0.7));
      const createdAt = new Date(EPOCH - random.next() * 5 * YEAR);
      const state = random.weighted([['published', 95], ['draft', 3], ['hidden', 2]] as const);
      const ratingCount = random.chance(0.4) ? random.int(1, 40) : 0;
      const [minAge, maxAge] = level.ages!;
      yield {
        id: random.uuid(),
        authorId: authorIds[Math.floor(random.next() * authorIds.length)]!,
        title: capitalise(this.words(random, random.int(3, 8), 0.15)),
        description: capitalise(this.words(random, random.int(20, 80), 0.35)) + '.',
        keywords: [...new Set(Array.from({ length: random.int(1, 5) }, () => this.word(random)))],
        type,
        licence: random.weighted(LICENCES),
        language: random.weighted(LANGUAGES),
        subjects: [...new Set(subjects)],
        levels: [...new Set(levels)],
        ageMin: minAge,
        ageMax: Math.max(minAge, maxAge + (random.chance(0.2) ? 1 : 0)),
        link: isLink ? `https://voorbeeld.example/${i}` : null,
        hasFile: !isLink,
        state,
        createdAt,
        publishedAt: state === 'draft' ? null : new Date(createdAt.getTime() + random.int(0, 3600_000)),
        viewCount: Math.floor(1000 / (1 + random.next() * 200)),
        favouriteCount: random.chance(0.3) ? random.int(1, 50) : 0,
        ratingCount,
        ratingSum: ratingCount === 0 ? 0 : Array.from({ length: ratingCount }, () => random.int(2, 5)).reduce((a, b) => a + b, 0),
      };
    }
  }

  /** A content word by Zipf rank. */
  word(random: Random): string {
    return this.vocabulary[this.zipf.draw(random)]!;
  }

  /** Query terms of a known frequency class: common (top ranks), medium, rare (the tail). */
  termsAt(rankFrom: number, rankTo: number, count: number, random: Random): string[] {
    return Array.from({ length: count }, () => this.vocabulary[Math.min(this.vocabulary.length - 1, random.int(rankFrom, rankTo))]!);
  }

  private words(random: Random, count: number, functionShare: number): string {
    return Array.from({ length: count }, () => (random.chance(functionShare) ? random.pick(FUNCTION_WORDS) : this.word(random))).join(' ');
  }

  /** SHA-256 over every generated row: equal fingerprints mean equal corpora. */
  fingerprint(): string {
    const hash = createHash('sha256');
    for (const author of this.authors()) hash.update(JSON.stringify(author));
    for (const resource of this.resources()) hash.update(JSON.stringify(resource));
    return hash.digest('hex');
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
