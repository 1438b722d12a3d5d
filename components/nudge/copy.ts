// Everything the nudge says, in one place, in plain British English. The tone
// is a friend tapping your arm, not a reprimand: the choice stays with the writer.
import type { Finding, Role } from '@/lib/types';
import type { SupportContact, UncheckedReason } from '@/utils/messages';

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

function splitTitle(section: string): { label: string; topic?: string } {
  const title = policySectionTitle(section);
  const colon = title.indexOf(': ');
  return colon === -1 ? { label: title } : { label: title.slice(0, colon), topic: title.slice(colon + 2) };
}

/** A policy link as it reads in the nudge: "Objective 6 (cyber bullying)". */
export function policyLinkText(section: string): string {
  const { label, topic } = splitTitle(section);
  return topic ? `${label} (${topic})` : label;
}

/**
 * The link's full name, so it makes sense read out on its own in a list of
 * links; it keeps the visible words in order, for people who speak a link's name.
 */
export function policyLinkName(section: string): string {
  const { label, topic } = splitTitle(section);
  return topic ? `Read ${label} of the policy (${topic})` : `Read ${label} of the policy`;
}

/**
 * A post the checker could not finish with. Calm and factual: nothing is wrong
 * with the post as far as anyone knows, and the writer should not feel accused.
 */
export const UNCHECKED_TITLE = 'This post could not be checked';
export const UNCHECKED_TOO_MANY_TITLE = 'Slow down a moment';

export function uncheckedIntro(reason: UncheckedReason, choice: 'ask' | 'hold'): string {
  if (reason === 'too-many-checks') {
    return 'A lot of posts have been checked from this tab in the last few seconds. Wait a moment, then send it again. Your post is still here.';
  }
  const why =
    reason === 'timed-out'
      ? 'Second Thought couldn’t finish checking this post in time, so it hasn’t looked at what it says.'
      : reason === 'incomplete'
        ? 'This post is very long, and Second Thought could only check part of it closely.'
        : 'Something went wrong while Second Thought was checking this post, so it hasn’t looked at what it says.';
  return choice === 'ask'
    ? `${why} You can post it as it is, or edit it first.`
    : `${why} Your school has asked that posts aren’t sent unless they’ve been checked. Your post is still here: you can edit it, or try sending it again in a moment.`;
}

/** Said when the school has asked that posts like this are not sent (mode 'block'). */
export const BLOCKED_NOTE =
  'Your school has asked that posts like this aren’t sent, so this one can’t go as it is. You can still edit it and post something else.';

/**
 * Mode 'reason': a moment to think before posting anyway. The answer is never
 * kept or sent anywhere, and the hint says so, because a pupil who thinks
 * they are being watched answers for the watcher, not for themselves.
 */
export const REASON_QUESTION = 'Before it goes, why are you posting it?';
export const REASON_PRIVACY = 'Your answer stays here: it isn’t saved or sent to anyone.';
export const REASON_CHOICES = [
  'It’s a joke, and everyone reading it will know that',
  'I’m quoting or reporting something, not saying it myself',
  'I think the check has got this wrong',
] as const;
export const REASON_OTHER = 'Something else';
export const REASON_OTHER_LABEL = 'Your reason';
export const REASON_NEEDED = 'Choose a reason above to post anyway.';

/** Policy strategy 4: cyber bullying must be reported. */
export const REPORT_LEAD = 'If someone is being bullied, you can report it';
export const REPORT_LINK = 'Report bullying to the school';
export function reportEmailLinkName(email: string): string {
  return `Email ${email}`;
}
export function reportFallback(role: Role | undefined): string {
  return role === 'staff'
    ? ' to your designated safeguarding lead.'
    : ' to a teacher, your tutor or another trusted adult at school.';
}

export interface SupportLine {
  name: string;
  /** The number as people read it, when there is one. */
  phone?: string;
  /** The same number for a tel: link. */
  tel?: string;
  /** When and for whom, in a few words. */
  detail?: string;
  /** A web page about the service, when the school gave one. */
  url?: string;
}


/** Only web and mail addresses become links; anything else in settings is not followed. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The school's own contacts, in the shape the default list has. */
export function supportLinesFrom(contacts: readonly SupportContact[]): SupportLine[] {
  return contacts
    .filter((contact) => contact.name.trim() !== '')
    .map((contact) => {
      const phone = contact.phone?.trim() || undefined;
      const tel = phone?.replace(/[^\d+]/g, '') || undefined;
      return { name: contact.name.trim(), phone, tel, detail: contact.text?.trim() || undefined, url: safeHref(contact.url) };
    });
}

/** Where to turn, shown first whenever a post sounds like someone is struggling. */
export function supportLines(role: Role | undefined): SupportLine[] {
  if (role === 'staff') {
    return [
      { name: 'Samaritans', phone: '116 123', tel: '116123', detail: 'free, day or night' },
      { name: 'Education Support', phone: '08000 562 561', tel: '08000562561', detail: 'free, for everyone who works in education' },
      { name: 'Someone you trust', detail: 'a colleague, your line manager or a friend' },
    ];
  }
  return [
    { name: 'Childline', phone: '0800 1111', tel: '08001111', detail: 'free, day or night' },
    { name: 'Samaritans', phone: '116 123', tel: '116123', detail: 'free, day or night' },
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
