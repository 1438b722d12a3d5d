// What the nudge says, decided here; the words themselves are in
// public/_locales/<locale>/messages.json under nudge_*. The tone is a friend
// tapping your arm, not a reprimand: the choice stays with the writer.
import type { Finding, Role } from '@/lib/types';
import type { Translate } from '@/lib/i18n/translate';
import type { SupportContact } from '@/utils/messages';

/**
 * What kind of nudge this is, which sets its heading, its buttons and how much
 * weight it carries:
 * - 'wellbeing': every finding is a wellbeing sign. Support, and nothing else.
 * - 'naming': a pupil's post that names a pupil (and perhaps the school), with
 *   nothing harmful. An information note: "they're happy for me to post this" sends it.
 * - 'warning': everything else, including a pupil naming a pupil alongside an
 *   insult (that is bullying, and reads as it always has).
 */
export type NudgeKind = 'wellbeing' | 'naming' | 'warning';

export function nudgeKind(findings: readonly Finding[], role: Role | undefined): NudgeKind {
  if (findings.length > 0 && findings.every((finding) => finding.category === 'wellbeing')) return 'wellbeing';
  const naming =
    role === 'pupil' &&
    findings.some((finding) => finding.category === 'pupil-name') &&
    findings.every((finding) => finding.category === 'pupil-name' || finding.category === 'school-name');
  return naming ? 'naming' : 'warning';
}

export function headingsFor(kind: NudgeKind, findings: readonly Finding[], t: Translate): { title: string; intro: string } {
  if (kind === 'wellbeing') return { title: t('nudge_title_wellbeing'), intro: t('nudge_intro_wellbeing') };
  if (kind === 'naming') return { title: t('nudge_title_naming'), intro: t('nudge_intro_naming') };
  if (findings.some((finding) => finding.category === 'wellbeing')) {
    return { title: t('nudge_title_wellbeing'), intro: t('nudge_intro_wellbeing_and_warning') };
  }
  return { title: t('nudge_title_warning'), intro: t('nudge_intro_warning') };
}

function splitTitle(section: string, t: Translate): { label: string; topic?: string } {
  const key = `section_${section.replace(/-/g, '_')}`;
  const title = t.has(key) ? t(key) : section.replace(/-/g, ' ');
  const colon = title.indexOf(': ');
  return colon === -1 ? { label: title } : { label: title.slice(0, colon), topic: title.slice(colon + 2) };
}

/** A policy link as it reads in the nudge: "Objective 6 (cyber bullying)". */
export function policyLinkText(section: string, t: Translate): string {
  const { label, topic } = splitTitle(section, t);
  return topic ? t('nudge_policy_link_text', [label, topic]) : label;
}

/**
 * The link's full name, so it makes sense read out on its own in a list of
 * links; it keeps the visible words in order, for people who speak a link's name.
 */
export function policyLinkName(section: string, t: Translate): string {
  const { label, topic } = splitTitle(section, t);
  return topic ? t('nudge_policy_link_name', [label, topic]) : t('nudge_policy_link_name_short', [label]);
}

export interface SupportLine {
  name: string;
  /** The number as people read it, when there is one. */
  phone?: string;
  /** The same number for a tel: link; none for a text-only service (Shout). */
  tel?: string;
  /**
   * How to reach them, a message key whose $1 is where the number goes
   * ("call $1, free, any time"); or, for the school's own contacts, their own words.
   */
  how?: { key: string } | { text: string };
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

/** The school's own contacts, in the shape the national lines have. */
export function supportLinesFrom(contacts: readonly SupportContact[]): SupportLine[] {
  return contacts
    .filter((contact) => contact.name.trim() !== '')
    .map((contact) => {
      const phone = contact.phone?.trim() || undefined;
      const tel = phone?.replace(/[^\d+]/g, '') || undefined;
      const text = contact.text?.trim();
      return { name: contact.name.trim(), phone, tel, ...(text ? { how: { text } } : {}), url: safeHref(contact.url) };
    });
}

/**
 * The national lines for the writer's role. Pupils: Childline and Shout (both
 * free and open all day and night, for young people). Staff: Samaritans and
 * Education Support, the charity for everyone who works in education.
 * Childline is for under-19s, so it is never offered to staff.
 */
export function nationalSupportLines(role: Role | undefined, t: Translate): SupportLine[] {
  if (role === 'staff') {
    return [
      { name: t('nudge_support_samaritans'), phone: '116 123', tel: '116123', how: { key: 'nudge_support_call_any_time' } },
      { name: t('nudge_support_education_support'), phone: '08000 562 561', tel: '08000562561', how: { key: 'nudge_support_education_support_how' } },
    ];
  }
  return [
    { name: t('nudge_support_childline'), phone: '0800 1111', tel: '08001111', how: { key: 'nudge_support_call_any_time' } },
    { name: t('nudge_support_shout'), phone: '85258', how: { key: 'nudge_support_shout_how' } },
    { name: t('nudge_support_trusted_adult'), how: { key: 'nudge_support_trusted_adult_how' } },
  ];
}

/** The school's own contacts first, when it set any, then the national lines for the role. */
export function supportLines(role: Role | undefined, schoolContacts: readonly SupportContact[] | undefined, t: Translate): SupportLine[] {
  return [...supportLinesFrom(schoolContacts ?? []), ...nationalSupportLines(role, t)];
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
