import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_SECTION_IDS } from '../../lib';
import { CATEGORY_SECTIONS } from '../../lib/policy/category-sections';
import { DEFAULT_POLICY_TEXT } from '../../lib/policy/default-policy';
import { parsePolicy, policySectionUrl } from '../../lib/policy/parse-policy';

describe('the policy', () => {
  const policy = parsePolicy(DEFAULT_POLICY_TEXT);

  it('is the school’s text, unchanged', () => {
    const shared = path.resolve(__dirname, '../../../shared/policy/social-media-policy.txt');
    // The shared folder sits beside the project for developers and CI alike.
    expect(fs.readFileSync(shared, 'utf8')).toBe(DEFAULT_POLICY_TEXT);
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

  it('maps every category to sections that exist', () => {
    for (const sections of Object.values(CATEGORY_SECTIONS)) {
      expect(sections.length).toBeGreaterThan(0);
      for (const s of sections) expect(POLICY_SECTION_IDS).toContain(s);
    }
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
