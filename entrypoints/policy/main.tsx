import { render } from 'preact';
// The school's text exactly as it wrote it; Vite inlines the file at build time.
import schoolPolicyText from '@/rules/policy/social-media-policy.txt?raw';
import { parsePolicy, type PolicySection } from '@/lib/policy/parse-policy';

// The packaged copy of the school's policy, one anchor per section, so a
// warning can link straight to policy.html#objective-5. The text is the
// school's own; only the layout is ours.

function Section({ section }: { section: PolicySection }) {
  return (
    <section class="policy-section" id={section.id} aria-labelledby={`${section.id}-title`}>
      <h3 id={`${section.id}-title`}>{section.title}</h3>
      <p>{section.text}</p>
    </section>
  );
}

function PolicyPage() {
  const policy = parsePolicy(schoolPolicyText);
  const objectives = policy.sections.filter((s) => s.id.startsWith('objective'));
  const strategies = policy.sections.filter((s) => s.id.startsWith('strategy'));
  return (
    <>
      <h1>{policy.title.charAt(0) + policy.title.slice(1).toLowerCase()}</h1>
      <p class="lead">The school’s policy, as the school wrote it. Second Thought’s warnings link to the sections below.</p>
      <h2>Overview</h2>
      {policy.overview.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <h2 id="objectives">Objectives</h2>
      {objectives.map((s) => (
        <Section key={s.id} section={s} />
      ))}
      <h2 id="strategies">Strategies</h2>
      {strategies.map((s) => (
        <Section key={s.id} section={s} />
      ))}
      <div class="closing">
        {policy.closing.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </>
  );
}

function main(): void {
  render(<PolicyPage />, document.getElementById('app')!);
  // The page is rendered after load, so the browser's own jump to #objective-5 has nothing to find yet.
  const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  target?.scrollIntoView();
}

main();
