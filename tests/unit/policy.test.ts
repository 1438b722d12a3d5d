import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_SECTION_IDS } from '../../lib';
import { CATEGORY_SECTIONS, PUPIL_NAME_BY_ROLE } from '../../lib/policy/category-sections';
import { createHash } from 'node:crypto';
import { parsePolicy, policySectionUrl } from '../../lib/policy/parse-policy';

/**
 * SHA-256 of the school's Safe Use of Social Media Policy as the school gave it
 * to us (social-media-policy.txt, November 2014 revision). The shipped copy must
 * be byte for byte that text; if the school sends a new revision, replace the
 * file and this hash together.
 */
const SCHOOL_POLICY_SHA256 = '484c3430f83d24efab05e6d75e464566baabf4638c913c92f024550a62a32725';

describe('the policy', () => {
  const shippedText = fs.readFileSync(path.resolve(__dirname, '../../rules/policy/social-media-policy.txt'), 'utf8');
  const policy = parsePolicy(shippedText);

  it('is the school’s text, unchanged', () => {
    expect(createHash('sha256').update(shippedText, 'utf8').digest('hex')).toBe(SCHOOL_POLICY_SHA256);
  });

  it('has every section, in order, with the school’s words', () => {
    expect(policy.sections.map((s) => s.id)).toEqual([...POLICY_SECTION_IDS]);
    expect(policy.title).toBe('SAFE USE OF SOCIAL MEDIA POLICY');
    const objective5 = policy.sections.find((s) => s.id === 'objective-5')!;
    expect(objective5.title).toBe('Objective 5');
    expect(objective5.text).toMatch(/subjected to subsequent legal action for defamation and libel\.$/);
    expect(policy.sections.find((s) => s.id === 'strategy-6')!.text).toMatch(/proper process if they wish to complain/);
    expect(policy.overview[0]).toMatch(/^Many staff and pupils use various social media sites/);
    expect(policy.closing.join(' ')).toMatch(/Revised and adopted by the Governing Body: November 2014/);
  });

  it('maps every category to sections that exist, and wellbeing to none (support is not a breach)', () => {
    for (const [category, sections] of Object.entries(CATEGORY_SECTIONS)) {
      if (category === 'wellbeing') expect(sections).toEqual([]);
      else expect(sections.length, category).toBeGreaterThan(0);
      for (const s of sections) expect(POLICY_SECTION_IDS).toContain(s);
    }
  });

  it('links a pupil naming a pupil only to sections about what pupils publish, never to a staff duty', () => {
    expect(PUPIL_NAME_BY_ROLE.pupil.policySections).not.toContain('objective-4');
    expect(PUPIL_NAME_BY_ROLE.pupil.policySections).not.toContain('strategy-5');
    expect(PUPIL_NAME_BY_ROLE.staff.policySections).toContain('objective-4');
  });

  it('links to the packaged page, or to the school’s own policy and anchors', () => {
    expect(policySectionUrl('objective-5', { packagedPageUrl: 'chrome-extension://id/policy.html' })).toBe('chrome-extension://id/policy.html#objective-5');
    expect(
      policySectionUrl('objective-5', {
        packagedPageUrl: 'x',
        schoolPolicyUrl: 'https://school.example/policy#top',
        schoolAnchors: { 'objective-5': 'defamation' },
      }),
    ).toBe('https://school.example/policy#defamation');
    expect(policySectionUrl('strategy-1', { packagedPageUrl: 'x', schoolPolicyUrl: 'https://school.example/policy.pdf' })).toBe('https://school.example/policy.pdf');
  });
});
