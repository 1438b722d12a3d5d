// The background's answer to the content script, kept apart from the browser
// wiring so it can be tested with a stand-in engine. The engine itself runs in
// workers (./engine-host.ts); this decides what to ask, and what to answer.
import { policySectionUrl as schoolPolicySectionUrl } from '@/lib/policy/parse-policy';
import { POLICY_SECTION_IDS, type Category, type Finding, type PolicySectionId, type Role } from '@/lib/types';
import { chooseLocale, pickMessages, translateFrom, type Catalogue, type Locale, type Translate } from '@/lib/i18n/translate';
import { localiseFinding } from '@/lib/i18n/finding-messages';
import { isRequest, policySectionUrl, type CheckReply, type NudgeWords, type UncheckedPolicy, type WarmUpReply } from '@/utils/messages';
import { configFrom, isSiteDisabled, modeFor, nudgeSettingsFor, uncheckedChoiceFor, type LayeredSettings, type Settings, type SiteDomains } from '@/settings/layers';
import type { EngineHost } from './engine-host';
import { createRateLimit, type RateLimit } from './rate-limit';

/** Checks one page in a tab may ask for, and in what time: no person posts this fast. */
export const CHECKS_PER_PAGE = { max: 20, windowMs: 10_000 };
// Messaging between the service worker, the offscreen document and the worker.
const ANSWER_SLACK_MS = 1_000;

export interface CheckerDeps {
  loadSettings(): Promise<LayeredSettings>;
  /** Runs checks in workers that can be abandoned. */
  engine: EngineHost;
  getURL(path: string): string;
  openTab(url: string): Promise<unknown>;
  /** Counts a nudge by its categories (numbers only, for the popup). */
  recordNudge?(categories: Category[]): void;
  /** The built-in sites, for disabledSites entries that name one of a site's domains. */
  builtInSites?: readonly SiteDomains[];
  /** Checks per page load (defaults to CHECKS_PER_PAGE). */
  rateLimit?: RateLimit;
  /**
   * A locale's messages.json (public/_locales). Without it, or if it fails,
   * findings stay in the engine's English and the nudge uses the browser's own pick.
   */
  loadCatalogue?(locale: Locale): Promise<Catalogue>;
  /** The browser's language, then the person's preferred ones: for the 'browser' language setting. */
  browserLanguages?(): readonly string[];
  /** Counts "this warning is wrong" by category (numbers only, for the popup). */
  recordSaidWrong?(categories: Category[]): void;
}

/** The keys the nudge needs: its own words and the policy sections' titles. */
export const NUDGE_MESSAGE_PREFIXES = ['nudge_', 'section_objective_', 'section_strategy_'] as const;

interface Language {
  t: Translate;
  words: NudgeWords;
}

/** Who sent a message, as far as the checker cares: the tab, frame and page load it came from. */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  /** Chrome's id for one load of a page (a reload or navigation gets a new one). */
  documentId?: string;
  url?: string;
}

/**
 * What the rate limit counts checks against: one page as loaded in one tab.
 * Opening another page in the tab is a fresh start, as it is for the person;
 * hammering Post on one page is not. Firefox gives no documentId, so the
 * frame and address stand in for it there.
 */
export function pageKey(sender: MessageSender | undefined): string {
  const tab = sender?.tab?.id ?? 'no-tab';
  if (sender?.documentId) return `${tab}:${sender.documentId}`;
  return `${tab}:${sender?.frameId ?? 0}:${sender?.url ?? ''}`;
}

export interface Checker {
  /** Answers a message, or returns undefined for messages that are not ours. */
  handle(message: unknown, sender?: MessageSender): Promise<unknown> | undefined;
  /** Starts the engine now rather than during someone's post. */
  warm(): Promise<boolean>;
  /** Settings changed: read them again on the next check. */
  invalidate(): void;
  settings(): Promise<LayeredSettings>;
}

/** Where a policy link goes: the school's own copy (with its anchors) when set, else the packaged page. */
export function policyAddress(section: string, settings: Pick<Settings, 'policyUrl' | 'policySectionAnchors'> | undefined, getURL: (path: string) => string): string {
  const packaged = policySectionUrl(getURL, section);
  if (!settings?.policyUrl || !POLICY_SECTION_IDS.includes(section as PolicySectionId)) return packaged;
  const anchor = settings.policySectionAnchors[section as PolicySectionId];
  // An anchor may be a whole address, for a policy split over several pages.
  if (anchor?.startsWith('https://')) return anchor;
  return schoolPolicySectionUrl(section as PolicySectionId, {
    packagedPageUrl: getURL('/policy.html'),
    schoolPolicyUrl: settings.policyUrl,
    schoolAnchors: settings.policySectionAnchors,
  });
}

export function createChecker(deps: CheckerDeps): Checker {
  const { engine } = deps;
  const rateLimit = deps.rateLimit ?? createRateLimit(CHECKS_PER_PAGE.max, CHECKS_PER_PAGE.windowMs);
  let settings: Promise<LayeredSettings> | null = null;
  let configured: LayeredSettings | undefined;
  const languages = new Map<Locale, Promise<Language | undefined>>();

  /** The school's language, loaded once per locale; undefined (English as the engine wrote it) if it cannot be read. */
  function languageFor(current: Settings | undefined): Promise<Language | undefined> {
    const load = deps.loadCatalogue;
    if (!load) return Promise.resolve(undefined);
    const locale = chooseLocale(current?.language, deps.browserLanguages?.() ?? []);
    let language = languages.get(locale);
    if (!language) {
      language = Promise.all([load('en_GB'), locale === 'en_GB' ? Promise.resolve({}) : load(locale)]).then(
        ([english, own]) => ({
          t: translateFrom(own, locale, english),
          words: { locale, messages: pickMessages({ ...english, ...own }, NUDGE_MESSAGE_PREFIXES) },
        }),
        (error: unknown) => {
          // Try again next time; meanwhile the nudge still shows, in English.
          languages.delete(locale);
          console.warn(`Second Thought: the ${locale} messages could not be read:`, error);
          return undefined;
        },
      );
      languages.set(locale, language);
    }
    return language;
  }

  /** Findings in the school's language, with the nudge's own words to match. */
  async function inLanguage(findings: Finding[], role: Role, current: Settings): Promise<{ findings: Finding[]; words?: NudgeWords }> {
    const language = await languageFor(current);
    if (!language) return { findings };
    return { findings: findings.map((finding) => localiseFinding(finding, language.t, role)), words: language.words };
  }

  const wordsFor = async (current: Settings | undefined) => {
    const words = (await languageFor(current))?.words;
    return words ? { words } : {};
  };

  // Read once, and given to the engine once per change, so its tables are built once.
  const currentSettings = () =>
    (settings ??= deps.loadSettings().then((layered) => {
      if (configured !== layered) {
        configured = layered;
        engine.configure(configFrom(layered.settings), layered.settings.checkTimeLimitMs);
      }
      return layered;
    }));

  const policyFor = (current: Settings | undefined): UncheckedPolicy => ({
    choice: current ? uncheckedChoiceFor(current) : 'post',
    answerWithinMs: engine.answerWithinMs() + ANSWER_SLACK_MS,
  });

  /** The engine's answer, or "could not be checked" if even the background's own deadline passes. */
  function runEngine(text: string, current: Settings) {
    const deadline = engine.answerWithinMs() + ANSWER_SLACK_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<{ unchecked: 'timed-out'; detail: string }>((resolve) => {
      timer = setTimeout(() => resolve({ unchecked: 'timed-out', detail: `no answer from the checker within ${deadline} ms` }), deadline);
    });
    return Promise.race([engine.check(text, current.role), late]).finally(() => clearTimeout(timer));
  }

  async function answer(text: string, host: string, page: string): Promise<CheckReply> {
    let current: Settings;
    try {
      current = (await currentSettings()).settings;
    } catch (error) {
      settings = null;
      // Without settings there is no school's choice to follow: the documented default.
      return { unchecked: 'failed', detail: `settings could not be read: ${String(error)}`, choice: 'post', whenUnchecked: policyFor(undefined) };
    }
    const whenUnchecked = policyFor(current);
    // A site the school turned off: allow at once, without looking at the text.
    if (isSiteDisabled(host, current.disabledSites, deps.builtInSites)) return { findings: [], role: current.role, whenUnchecked };
    // Never run, and never let through: a person hammering Post to make checks fail gets held back.
    if (!rateLimit.allow(page)) {
      return {
        unchecked: 'too-many-checks',
        detail: `more than ${CHECKS_PER_PAGE.max} checks from one page in ${CHECKS_PER_PAGE.windowMs / 1000} s`,
        choice: 'hold',
        whenUnchecked,
        ...(await wordsFor(current)),
      };
    }
    const outcome = await runEngine(text, current);
    if ('unchecked' in outcome) {
      console.warn('Second Thought: a post could not be checked:', outcome.detail);
      return { ...outcome, choice: whenUnchecked.choice, whenUnchecked, ...(whenUnchecked.choice === 'post' ? {} : await wordsFor(current)) };
    }
    // The school turned these off for this role: the writer never hears of them.
    const findings: Finding[] = outcome.findings.filter((finding) => modeFor(current, finding.category, current.role) !== 'off');
    // A very long post whose every part the rules could not reach, with nothing found: where the
    // school asked for posts to be checked before they go, say so rather than pass it as checked.
    if (findings.length === 0 && outcome.complete === false && whenUnchecked.choice !== 'post') {
      return {
        unchecked: 'incomplete',
        detail: 'the post was too long to try every rule on every part of it',
        choice: whenUnchecked.choice,
        whenUnchecked,
        ...(await wordsFor(current)),
      };
    }
    // A benign post's answer carries nothing more: it is the one the writer waits for.
    if (findings.length === 0) return { findings, role: current.role, whenUnchecked };
    deps.recordNudge?.(findings.map((finding) => finding.category));
    const localised = await inLanguage(findings, current.role, current);
    return { ...localised, role: current.role, nudgeSettings: nudgeSettingsFor(current, findings), whenUnchecked };
  }

  async function warm(): Promise<WarmUpReply> {
    try {
      const { settings: current } = await currentSettings();
      // The nudge's words travel with the warm-up too, so a post the background never answers about is still told in them.
      const [ready, words] = await Promise.all([engine.warm(), wordsFor(current)]);
      return { ready, whenUnchecked: policyFor(current), ...words };
    } catch {
      settings = null;
      return { ready: false, whenUnchecked: policyFor(undefined) };
    }
  }

  function openPolicy(section: string): Promise<unknown> {
    return currentSettings()
      .then(({ settings: current }) => current, () => undefined)
      .then((current) => deps.openTab(policyAddress(section, current, deps.getURL)))
      .then(() => ({}));
  }

  return {
    handle(message, sender) {
      if (!isRequest(message)) return undefined;
      switch (message.type) {
        case 'warm-up':
          return warm();
        case 'open-policy':
          return openPolicy(message.section);
        case 'open-help':
          return deps.openTab(deps.getURL('/help.html')).then(() => ({}));
        case 'said-wrong':
          deps.recordSaidWrong?.([...new Set(message.categories)]);
          return Promise.resolve({});
        case 'check':
          return answer(message.text, message.host, pageKey(sender));
      }
    },
    warm: () => warm().then((reply) => reply.ready),
    invalidate() {
      settings = null;
    },
    settings: currentSettings,
  };
}
