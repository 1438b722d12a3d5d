// The background's answer to the content script, kept apart from the browser
// wiring so it can be tested with a stand-in engine.
import { policySectionUrl as schoolPolicySectionUrl } from '@/lib/policy/parse-policy';
import { POLICY_SECTION_IDS, type Category, type CheckConfig, type CheckOptions, type ClassifierModel, type Finding, type PolicySectionId } from '@/lib/types';
import { isRequest, policySectionUrl, type CheckReply } from '@/utils/messages';
import { configFrom, isSiteDisabled, modeFor, nudgeSettingsFor, type LayeredSettings, type Settings, type SiteDomains } from '@/utils/settings';

// Touches the name tables, the rule prefilter and the parser.
const WARM_UP_TEXT = 'Warming up: you are so stupid, see you at school tomorrow.';

export interface CheckerDeps {
  loadSettings(): Promise<LayeredSettings>;
  check(text: string, config: CheckConfig, options: CheckOptions): Finding[];
  /** Reads the learned classifier's weights once. If it fails, checks go on with the rules alone. */
  loadClassifier?(): Promise<ClassifierModel>;
  getURL(path: string): string;
  openTab(url: string): Promise<unknown>;
  /** Counts a nudge by its categories (numbers only, for the popup). */
  recordNudge?(categories: Category[]): void;
  /** The built-in sites, for disabledSites entries that name one of a site's domains. */
  builtInSites?: readonly SiteDomains[];
}

export interface Checker {
  /** Answers a message, or returns undefined for messages that are not ours. */
  handle(message: unknown): Promise<unknown> | undefined;
  /** Builds the engine's tables now rather than during someone's post. */
  warm(): Promise<void>;
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
  let settings: Promise<LayeredSettings> | null = null;
  let warm: Promise<void> | null = null;
  let classifier: Promise<ClassifierModel | undefined> | null = null;
  const currentSettings = () => (settings ??= deps.loadSettings());
  // Loaded once for the worker's life. A damaged or missing model file must not stop checks:
  // the rules still run, and the console says why the classifier is missing.
  const currentClassifier = () =>
    (classifier ??= (deps.loadClassifier?.() ?? Promise.resolve(undefined)).catch((error: unknown) => {
      console.error('Second Thought: the classifier could not be loaded; checking with the rules alone:', error);
      return undefined;
    }));
  const ready = () => Promise.all([currentSettings(), currentClassifier()]).then(([layered, model]) => ({ layered, model }));

  function runCheck(text: string, layered: LayeredSettings, model: ClassifierModel | undefined): Finding[] {
    const { settings: current } = layered;
    const findings = deps.check(text, configFrom(current), { role: current.role, classifier: model });
    // The school turned these off for this role: the writer never hears of them.
    return findings.filter((finding) => modeFor(current, finding.category, current.role) !== 'off');
  }

  function warmEngine(): Promise<void> {
    warm ??= ready()
      .then(({ layered, model }) => void runCheck(WARM_UP_TEXT, layered, model))
      .catch((error: unknown) => {
        warm = null;
        throw error;
      });
    return warm;
  }

  function answer(text: string, host: string): Promise<CheckReply> {
    return ready().then(
      ({ layered, model }): CheckReply => {
        const { settings: current } = layered;
        try {
          // A site the school turned off: allow at once, without looking at the text.
          if (isSiteDisabled(host, current.disabledSites, deps.builtInSites)) return { findings: [], role: current.role };
          const findings = runCheck(text, layered, model);
          if (findings.length === 0) return { findings, role: current.role };
          deps.recordNudge?.(findings.map((finding) => finding.category));
          return { findings, role: current.role, nudgeSettings: nudgeSettingsFor(current, findings) };
        } catch (error) {
          // Fail open: the content script lets the post go ahead.
          console.error('Second Thought: the check failed; the post goes ahead:', error);
          return { error: error instanceof Error ? error.message : String(error) };
        }
      },
      (error: unknown): CheckReply => ({ error: `settings could not be read: ${String(error)}` }),
    );
  }

  function openPolicy(section: string): Promise<unknown> {
    return currentSettings()
      .then(({ settings: current }) => current, () => undefined)
      .then((current) => deps.openTab(policyAddress(section, current, deps.getURL)))
      .then(() => ({}));
  }

  return {
    handle(message) {
      if (!isRequest(message)) return undefined;
      switch (message.type) {
        case 'warm-up':
          return warmEngine().then(
            () => ({ ready: true }),
            () => ({ ready: false }),
          );
        case 'open-policy':
          return openPolicy(message.section);
        case 'check':
          return answer(message.text, message.host);
      }
    },
    warm: warmEngine,
    invalidate() {
      settings = null;
      warm = null;
    },
    settings: currentSettings,
  };
}
