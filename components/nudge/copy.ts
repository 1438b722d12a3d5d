// Everything the nudge says, in one place, in plain British English. The tone
// is a friend tapping your arm, not a reprimand: the choice stays with the writer.
import type { Finding, Role } from '@/lib/types';

export const BUTTON_EDIT = 'Edit post';
export const BUTTON_POST_ANYWAY = 'Post anyway';

/** Short names for the sections of the school's social media policy. */
export const POLICY_SECTION_TITLES: Record<string, string> = {
  'objective-1': 'Objective 1: nothing harmful to others',
  'objective-2': 'Objective 2: the school’s reputation',
  'objective-3': 'Objective 3: what others could use against the school',
  'objective-4': 'Objective 4: professional distance',
  'objective-5': 'Objective 5: defamation and libel',
  'objective-6': 'Objective 6: cyber bullying',
  'strategy-1': 'Strategy 1: public trust and high standards',
  'strategy-2': 'Strategy 2: nothing harmful to others',
  'strategy-3': 'Strategy 3: the school’s reputation',
  'strategy-4': 'Strategy 4: reporting cyber bullying',
  'strategy-5': 'Strategy 5: professional distance',
  'strategy-6': 'Strategy 6: complaints through the proper process',
  'strategy-7': 'Strategy 7: parents as partners',
  'strategy-8': 'Strategy 8: how the policy is checked',
};

export function policySectionTitle(section: string): string {
  return POLICY_SECTION_TITLES[section] ?? section.replace(/-/g, ' ');
}

export interface SupportLine {
  name: string;
  detail: string;
  /** A phone number to dial, when there is one. */
  tel?: string;
}

/** Where to turn, shown first whenever a post sounds like someone is struggling. */
export function supportLines(role: Role | undefined): SupportLine[] {
  if (role === 'staff') {
    return [
      { name: 'Samaritans', detail: '116 123, free, day or night', tel: '116123' },
      { name: 'Education Support', detail: '08000 562 561, free, for everyone who works in education', tel: '08000562561' },
      { name: 'Someone you trust', detail: 'a colleague, your line manager or a friend' },
    ];
  }
  return [
    { name: 'Childline', detail: '0800 1111, free, day or night', tel: '08001111' },
    { name: 'Samaritans', detail: '116 123, free, day or night', tel: '116123' },
    { name: 'A trusted adult at school', detail: 'a teacher, your tutor or the pastoral team' },
  ];
}

export interface NudgeHeadings {
  title: string;
  intro: string;
}

export function headingsFor(findings: readonly Finding[]): NudgeHeadings {
  const onlyWellbeing = findings.every((finding) => finding.category === 'wellbeing');
  if (onlyWellbeing) {
    return {
      title: 'Are you all right?',
      intro: 'It sounds like things might be hard at the moment. You don’t have to deal with it on your own.',
    };
  }
  if (findings.some((finding) => finding.category === 'wellbeing')) {
    return {
      title: 'Are you all right?',
      intro: 'It sounds like things might be hard at the moment, and parts of this post could also cause problems once it is out.',
    };
  }
  return {
    title: 'A second look before you post',
    intro: 'Parts of this post could hurt someone or cause problems once it is out. Have a read through before you decide.',
  };
}

/** A few words either side of a match, so the writer sees it in place. */
export function excerptAround(text: string, start: number, end: number, context = 32): {
  before: string;
  match: string;
  after: string;
} {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  // Cut at a space rather than mid-word, when there is one nearby.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start).replace(/\s+/g, ' '),
    match: text.slice(start, end),
    after: text.slice(end, to).replace(/\s+/g, ' ') + (to < text.length ? '…' : ''),
  };
}
