import seed from './data/flemish-taxonomy.json' with { type: 'json' };
import type { LevelSeed, SubjectSeed } from './taxonomy.repository.js';

interface SeedNode {
  key: string;
  nl: string;
  en: string;
  ages?: number[];
  children?: SeedNode[];
}

function flatten(nodes: SeedNode[], parentKey: string | null, out: SeedNode[] = [], parents: (string | null)[] = []) {
  for (const node of nodes) {
    out.push(node);
    parents.push(parentKey);
    if (node.children) flatten(node.children, node.key, out, parents);
  }
  return { out, parents };
}

/** The Flemish education structure shipped with the platform (levels with ages, subjects), flattened in display order. */
export function flemishTaxonomy(): { levels: LevelSeed[]; subjects: SubjectSeed[] } {
  const levelTree = flatten(seed.levels as SeedNode[], null);
  const subjectTree = flatten(seed.subjects as SeedNode[], null);
  return {
    levels: levelTree.out.map((node, index) => ({
      key: node.key,
      nameNl: node.nl,
      nameEn: node.en,
      minAge: node.ages?.[0] ?? 0,
      maxAge: node.ages?.[1] ?? 99,
      position: index,
      parentKey: levelTree.parents[index] ?? null,
    })),
    subjects: subjectTree.out.map((node, index) => ({
      key: node.key,
      nameNl: node.nl,
      nameEn: node.en,
      position: index,
      parentKey: subjectTree.parents[index] ?? null,
    })),
  };
}
