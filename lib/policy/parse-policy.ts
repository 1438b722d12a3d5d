// Turns the policy's plain text into sections a warning can link to:
// objective-1 … objective-6 and strategy-1 … strategy-8, each with its title
// and the school's own words.

import type { PolicySectionId } from '../types';
import { POLICY_SECTION_IDS } from '../types';

export interface PolicySection {
  id: PolicySectionId;
  /** "Objective 5" */
  title: string;
  /** The section's text as the school wrote it. */
  text: string;
}

export interface Policy {
  title: string;
  /** Paragraphs before the objectives. */
  overview: string[];
  sections: PolicySection[];
  /** Paragraphs after the strategies ("Revised and adopted by…"). */
  closing: string[];
}

const HEADINGS: Record<string, 'objective' | 'strategy' | 'other'> = {
  OBJECTIVES: 'objective',
  STRATEGIES: 'strategy',
  OUTCOMES: 'other',
};

export function parsePolicy(text: string): Policy {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim());
  let title = '';
  const overview: string[] = [];
  const sections: PolicySection[] = [];
  const closing: string[] = [];
  let part: 'overview' | 'objective' | 'strategy' | 'other' = 'overview';
  for (const line of lines) {
    if (line === '' || line === '.') continue;
    if (!title) {
      title = line;
      continue;
    }
    if (line === 'OVERVIEW') continue;
    if (line in HEADINGS) {
      part = HEADINGS[line];
      continue;
    }
    const numbered = /^(\d+)\.\s+(.*)$/.exec(line);
    if (numbered && (part === 'objective' || part === 'strategy')) {
      const id = `${part}-${numbered[1]}` as PolicySectionId;
      if (!POLICY_SECTION_IDS.includes(id)) throw new Error(`The policy has an unexpected section: ${id}`);
      sections.push({ id, title: `${part === 'objective' ? 'Objective' : 'Strategy'} ${numbered[1]}`, text: numbered[2] });
    } else if (part === 'overview') overview.push(line);
    else if (part === 'other' || sections.length === 0) closing.push(line);
    else sections[sections.length - 1].text += ` ${line}`;
  }
  return { title, overview, sections, closing };
}

/** Where a warning links for a section: the packaged policy page, or the school's own policy. */
export function policySectionUrl(
  section: PolicySectionId,
  options: { packagedPageUrl: string; schoolPolicyUrl?: string; schoolAnchors?: Partial<Record<PolicySectionId, string>> },
): string {
  if (options.schoolPolicyUrl) {
    const anchor = options.schoolAnchors?.[section];
    return anchor ? `${options.schoolPolicyUrl.replace(/#.*$/, '')}#${anchor.replace(/^#/, '')}` : options.schoolPolicyUrl;
  }
  return `${options.packagedPageUrl}#${section}`;
}
