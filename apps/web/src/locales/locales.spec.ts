import { describe, expect, it } from 'vitest';
import { FieldVisibility, Gender, OptionalField, ProfessionalRole, ProfileUsageSettings } from '@lesplein/contracts/profile';
import { ReportTarget } from '@lesplein/contracts/report';
import { ProblemCode } from '@lesplein/contracts/common';
import { Licence, ResourceState, ResourceType } from '@lesplein/contracts/resource';
import { ConsentRequestView, ConsentWithdrawnBy, DisclosureView, PartnerClientAuth, PartnerScope, PartnerStatus } from '@lesplein/contracts/partner';
import nl from './nl.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const bundles = { nl: flatten(nl as Tree), en: flatten(en as Tree) };
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
/** A key or its plural forms (`key_one`, `key_other`) exist. */
const has = (bundle: Map<string, string>, key: string) => bundle.has(key) || (bundle.has(`${key}_one`) && bundle.has(`${key}_other`));

describe('locales', () => {
  it('has the same keys in Dutch and English', () => {
    const nlKeys = [...bundles.nl.keys()].sort();
    const enKeys = [...bundles.en.keys()].sort();
    expect(nlKeys.filter((key) => !bundles.en.has(key)), 'in nl, missing in en').toEqual([]);
    expect(enKeys.filter((key) => !bundles.nl.has(key)), 'in en, missing in nl').toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const mismatched = [...bundles.nl.entries()]
      .filter(([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(bundles.en.get(key) ?? '')))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('has no empty translations', () => {
    for (const bundle of Object.values(bundles)) {
      expect([...bundle.entries()].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    }
  });

  it('translates every problem code of the contract', () => {
    for (const code of Object.values(ProblemCode)) {
      expect(has(bundles.nl, `problem.${code}`), code).toBe(true);
      expect(has(bundles.en, `problem.${code}`), code).toBe(true);
    }
  });

  it('translates every choice the profile contract offers', () => {
    const keys = [
      ...Gender.options.map((v) => `genders.${v}`),
      ...ProfessionalRole.options.map((v) => `roles.${v}`),
      ...FieldVisibility.options.map((v) => `profile.visibility.options.${v}`),
      ...OptionalField.options.map((v) => `fields.${v}`),
    ];
    for (const bundle of Object.values(bundles)) expect(keys.filter((key) => !has(bundle, key))).toEqual([]);
  });

  it('names every report target and every profile usage choice of the contracts', () => {
    const keys = [
      ...ReportTarget.options.flatMap((v) => [`report.title.${v}`, `report.subject.${v}`]),
      ...Object.keys(ProfileUsageSettings.shape).map((v) => `profile.usage.choices.${v}`),
    ];
    for (const bundle of Object.values(bundles)) expect(keys.filter((key) => !has(bundle, key))).toEqual([]);
  });

  it('translates every resource type, state and licence of the resource contract', () => {
    const keys = [
      ...ResourceType.options.map((v) => `resourceTypes.${v}`),
      ...ResourceState.options.map((v) => `resourceStates.${v}`),
      ...Licence.options.flatMap((v) => [`licences.${v}.name`, `licences.${v}.summary`]),
    ];
    for (const bundle of Object.values(bundles)) expect(keys.filter((key) => !has(bundle, key))).toEqual([]);
  });

  it('names every data category, consent reason, channel and partner setting of the partner contract', () => {
    const keys = [
      ...PartnerScope.options.flatMap((v) => [`partners.scopes.${v}`, `partners.scopesShort.${v}`]),
      ...ConsentRequestView.shape.reason.options.filter((v) => v !== 'first_time').map((v) => `consent.reasons.${v}`),
      ...DisclosureView.shape.channel.options.map((v) => `authorisations.channels.${v}`),
      ...ConsentWithdrawnBy.options.map((v) => `authorisations.withdrawnBy.${v}`),
      ...PartnerClientAuth.options.map((v) => `adminPartners.clientAuth.${v}`),
      ...PartnerStatus.options.map((v) => `adminPartners.status.${v}`),
    ];
    for (const bundle of Object.values(bundles)) expect(keys.filter((key) => !has(bundle, key))).toEqual([]);
  });
});
