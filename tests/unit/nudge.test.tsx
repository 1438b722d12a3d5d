// @vitest-environment happy-dom
// The nudge as people meet it: its role and names, where focus goes, Escape,
// the links to the policy, support when someone seems to be struggling, "this
// warning is wrong", and the lighter note for a pupil naming a friend.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { Nudge, type NudgeProps } from '@/components/nudge/Nudge';
import { excerptAround } from '@/components/nudge/copy';
import type { Finding } from '@/lib/types';
import { CY, InLanguage } from '../support/i18n';

const TEXT = 'honestly Jamie you should just kys';

const bullying: Finding = {
  category: 'bullying',
  ruleId: 'test-kys',
  severity: 'serious',
  start: TEXT.indexOf('kys'),
  end: TEXT.indexOf('kys') + 3,
  match: 'kys',
  message: 'This tells someone to harm themselves. Words like this can do real damage.',
  suggestion: 'If you are angry with someone, say what upset you instead.',
  policySections: ['objective-6', 'strategy-2'],
};

const SAD_TEXT = 'nobody would even notice if I was gone';
const wellbeing: Finding = {
  category: 'wellbeing',
  ruleId: 'test-wellbeing',
  severity: 'warning',
  start: 0,
  end: SAD_TEXT.length,
  match: SAD_TEXT,
  message: 'It sounds like you might be having a really hard time.',
  policySections: [],
};

function renderNudge(props: Partial<NudgeProps> = {}, t = undefined as typeof CY | undefined) {
  const onEdit = vi.fn();
  const onPostAnyway = vi.fn();
  const onOpenPolicy = vi.fn();
  const onSaidWrong = vi.fn();
  render(
    <InLanguage t={t}>
      <Nudge
        text={TEXT}
        findings={[bullying]}
        policyUrl={(section) => `chrome-extension://abc/policy.html#${section}`}
        onEdit={onEdit}
        onPostAnyway={onPostAnyway}
        onOpenPolicy={onOpenPolicy}
        onSaidWrong={onSaidWrong}
        {...props}
      />
    </InLanguage>,
  );
  return { onEdit, onPostAnyway, onOpenPolicy, onSaidWrong, dialog: screen.getByRole('alertdialog') };
}

afterEach(cleanup);

describe('the nudge', () => {
  it('is an alertdialog named by its heading and described by its introduction', () => {
    const { dialog } = renderNudge();
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!);
    const intro = document.getElementById(dialog.getAttribute('aria-describedby')!);
    expect(title?.textContent).toBe('A second look before you post');
    expect(intro?.textContent).toMatch(/could hurt someone/);
  });

  it('offers two choices, "Edit post" and "Post anyway", and a quieter "This warning is wrong"', () => {
    const { dialog } = renderNudge();
    const buttons = within(dialog).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Edit post', 'Post anyway', 'This warning is wrong']);
    expect(buttons[2].classList.contains('quiet')).toBe(true);
  });

  it('moves focus to "Edit post"', () => {
    renderNudge();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit post' }));
  });

  it('says what was found in plain words, with the matched words highlighted in place', () => {
    const { dialog } = renderNudge();
    expect(dialog.textContent).toContain(bullying.message);
    expect(dialog.textContent).toContain(bullying.suggestion);
    const marks = dialog.querySelectorAll('mark');
    expect(Array.from(marks, (mark) => mark.textContent)).toEqual(['kys']);
    expect(marks[0].parentElement?.textContent).toBe('honestly Jamie you should just kys');
  });

  it('links each finding to its sections of the policy', () => {
    const { dialog, onOpenPolicy } = renderNudge();
    const link = within(dialog).getByRole('link', { name: /Objective 6/ });
    expect(link.getAttribute('href')).toBe('chrome-extension://abc/policy.html#objective-6');
    expect(within(dialog).getByRole('link', { name: /Strategy 2/ }).getAttribute('href')).toMatch(/#strategy-2$/);
    fireEvent.click(link);
    expect(onOpenPolicy).toHaveBeenCalledWith('objective-6');
  });

  it('"Edit post" and Escape both mean edit; "Post anyway" means post', () => {
    const { dialog, onEdit, onPostAnyway } = renderNudge();
    fireEvent.click(screen.getByRole('button', { name: 'Edit post' }));
    expect(onEdit).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onEdit).toHaveBeenCalledTimes(2);
    expect(onPostAnyway).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
    expect(onEdit).toHaveBeenCalledTimes(2);
  });

  it('does not let a second Enter of a double send press "Edit post" the moment it appears', () => {
    vi.useFakeTimers();
    try {
      const { onEdit } = renderNudge();
      const edit = screen.getByRole('button', { name: 'Edit post' });
      const early = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      edit.dispatchEvent(early);
      expect(early.defaultPrevented).toBe(true);
      vi.advanceTimersByTime(500);
      const later = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      edit.dispatchEvent(later);
      expect(later.defaultPrevented).toBe(false);
      const held = new KeyboardEvent('keydown', { key: 'Enter', repeat: true, bubbles: true, cancelable: true });
      edit.dispatchEvent(held);
      expect(held.defaultPrevented).toBe(true);
      expect(onEdit).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores the second click of a double-click that opened the nudge under the pointer', () => {
    const { onPostAnyway } = renderNudge();
    const postAnyway = screen.getByRole('button', { name: 'Post anyway' });
    fireEvent.click(postAnyway, { detail: 2 });
    expect(onPostAnyway).not.toHaveBeenCalled();
    fireEvent.click(postAnyway, { detail: 1 });
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
  });

  it('names each policy link so it makes sense on its own', () => {
    const { dialog } = renderNudge();
    const link = within(dialog).getByRole('link', { name: 'Read Objective 6 of the policy (cyber bullying)' });
    // The visible words are inside the name, in order, for people who speak a link's name.
    expect(link.getAttribute('aria-label')).toContain(link.textContent!.replace(/ \(.*/, ''));
    expect(link.textContent).toBe('Objective 6 (cyber bullying)');
  });

  it('keeps Tab inside the nudge: past the last control it comes back to the first, and back again', () => {
    const { dialog } = renderNudge();
    const first = within(dialog).getAllByRole('link')[0];
    const last = screen.getByRole('button', { name: 'This warning is wrong' });
    last.focus();
    const forward = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    last.dispatchEvent(forward);
    expect(forward.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(first);
    const back = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true });
    first.dispatchEvent(back);
    expect(back.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(last);
    // In the middle, Tab is the browser's own.
    const edit = screen.getByRole('button', { name: 'Edit post' });
    edit.focus();
    const middle = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    edit.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(false);
  });

  it('lists at most five findings, then says how many more', () => {
    const words = 'one two three four five six seven';
    const findings: Finding[] = words.split(' ').map((word, index) => ({
      ...bullying,
      ruleId: `test-${index}`,
      start: words.indexOf(word),
      end: words.indexOf(word) + word.length,
      match: word,
    }));
    const { dialog } = renderNudge({ text: words, findings });
    expect(dialog.querySelectorAll('.findings > li')).toHaveLength(5);
    expect(dialog.querySelector('.more')?.textContent).toBe('…and 2 more.');
  });

  it('says "1 more", not "1 more things", in English and in Welsh', () => {
    const words = 'one two three four five six';
    const findings: Finding[] = words.split(' ').map((word, index) => ({
      ...bullying,
      ruleId: `test-${index}`,
      start: words.indexOf(word),
      end: words.indexOf(word) + word.length,
      match: word,
    }));
    renderNudge({ text: words, findings });
    expect(document.querySelector('.more')?.textContent).toBe('…and 1 more.');
    cleanup();
    renderNudge({ text: words, findings }, CY);
    expect(document.querySelector('.more')?.textContent).toBe('…ac 1 arall.');
  });

  it('tightens its layout in a short window, such as a reply box in a small iframe', async () => {
    const happyDOM = (window as unknown as { happyDOM: { setViewport(viewport: { width?: number; height?: number }): void } }).happyDOM;
    happyDOM.setViewport({ width: 600, height: 220 });
    try {
      const { dialog } = renderNudge();
      expect(dialog.classList.contains('compact')).toBe(true);
      // Heading and buttons sit outside the part that scrolls, so they stay in view.
      const body = dialog.querySelector('.body')!;
      expect(body.contains(screen.getByRole('heading'))).toBe(false);
      expect(body.contains(screen.getByRole('button', { name: 'Edit post' }))).toBe(false);
      expect(body.contains(screen.getByRole('button', { name: 'Post anyway' }))).toBe(false);
      happyDOM.setViewport({ width: 1000, height: 800 });
      await vi.waitFor(() => expect(dialog.classList.contains('compact')).toBe(false));
    } finally {
      happyDOM.setViewport({ width: 1024, height: 768 });
    }
  });

  it('is not compact in an ordinary window', () => {
    const { dialog } = renderNudge();
    expect(dialog.classList.contains('compact')).toBe(false);
  });

  it('marks severity with a small accent only, and says nothing alarming', () => {
    const { dialog } = renderNudge();
    expect(dialog.querySelector('.findings > li')?.classList.contains('severity-serious')).toBe(true);
    expect(dialog.textContent).not.toMatch(/violation|warning!|danger|detected/i);
  });

  it('shows the same finding once, however often it is reported', () => {
    const { dialog } = renderNudge({ findings: [bullying, { ...bullying }] });
    expect(dialog.querySelectorAll('mark')).toHaveLength(1);
  });
});

describe('when a post sounds like someone is struggling', () => {
  const support = () => screen.getByRole('region', { name: 'Support' });

  it('says one warm thing, once, with the contacts for a pupil, and that nobody has been told', () => {
    const { dialog } = renderNudge({ text: SAD_TEXT, findings: [wellbeing, { ...wellbeing, ruleId: 'test-other-wellbeing' }], role: 'pupil' });
    expect(screen.getByRole('heading').textContent).toBe('Are you OK?');
    expect(support().textContent).toContain('Childline');
    expect(within(support()).getByRole('link', { name: '0800 1111' }).getAttribute('href')).toBe('tel:08001111');
    expect(support().textContent).toContain('Shout: text SHOUT to 85258, free, any time');
    expect(support().textContent).toMatch(/A trusted adult: such as your tutor/);
    expect(support().textContent).not.toContain('Samaritans');
    // The helplines once, not once per finding.
    expect(dialog.textContent!.split('0800 1111')).toHaveLength(2);
    expect(dialog.textContent).toContain('Your post is still here, on this device. Nobody has been told, and nothing has been sent.');
    expect(dialog.textContent).toContain('If you’re in danger right now, call 999.');
    // The engine's own message for the finding is not repeated under the support.
    expect(dialog.textContent).not.toContain(wellbeing.message);
    expect(dialog.querySelector('.findings')).toBeNull();
  });

  it('never cites the policy, and never scolds', () => {
    const { dialog } = renderNudge({ text: SAD_TEXT, findings: [{ ...wellbeing, policySections: ['objective-1'] }], role: 'pupil' });
    expect(within(dialog).queryByRole('link', { name: /Objective/ })).toBeNull();
    expect(dialog.textContent).not.toMatch(/Objective|nothing harmful|could hurt someone|violation|not allowed/i);
  });

  it('tells the screen reader about the privacy of it with the introduction', () => {
    const { dialog } = renderNudge({ text: SAD_TEXT, findings: [wellbeing] });
    const described = dialog.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described.join(' ')).toMatch(/Nobody has been told/);
  });

  it('never holds the post back, and offers "Back to my post" and "Post it" rather than "Post anyway"', () => {
    const { onPostAnyway } = renderNudge({ text: SAD_TEXT, findings: [wellbeing], modes: { wellbeing: 'block' } });
    expect(screen.queryByRole('button', { name: 'Post anyway' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Back to my post' })).toBe(document.activeElement);
    fireEvent.click(screen.getByRole('button', { name: 'Post it' }));
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
  });

  it('puts support before the other findings when a post has both', () => {
    const text = `${TEXT}. ${SAD_TEXT}`;
    const later = { ...wellbeing, start: TEXT.length + 2, end: text.length };
    const { dialog } = renderNudge({ text, findings: [bullying, later] });
    const findings = dialog.querySelector('.findings')!;
    expect(support().compareDocumentPosition(findings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(dialog.querySelectorAll('.findings > li')).toHaveLength(1);
    expect(dialog.querySelector('.finding-wellbeing')).toBeNull();
  });

  it('offers staff Samaritans and Education Support, never Childline or Shout', () => {
    renderNudge({ text: SAD_TEXT, findings: [wellbeing], role: 'staff' });
    expect(support().textContent).toContain('Samaritans: call 116 123, free, any time');
    expect(support().textContent).toContain('Education Support: call 08000 562 561');
    expect(within(support()).getByRole('link', { name: '08000 562 561' }).getAttribute('href')).toBe('tel:08000562561');
    expect(support().textContent).not.toMatch(/Childline|Shout/);
  });

  it('puts the school’s own contact first when it set one', () => {
    renderNudge({ text: SAD_TEXT, findings: [wellbeing], role: 'staff', supportContacts: [{ name: 'Mrs Khan', phone: '01632 960 000', text: 'wellbeing lead' }] });
    const names = [...support().querySelectorAll('li strong')].map((name) => name.textContent);
    expect(names).toEqual(['Mrs Khan', 'Samaritans', 'Education Support']);
  });

  it('shows no support box when nothing suggests it is needed', () => {
    renderNudge();
    expect(screen.queryByRole('region', { name: 'Support' })).toBeNull();
  });

  it('says it all in Welsh when the school chose Welsh, numbers and all', () => {
    const { dialog } = renderNudge({ text: SAD_TEXT, findings: [wellbeing], role: 'pupil' }, CY);
    expect(screen.getByRole('heading').textContent).toBe('Ydych chi’n iawn?');
    const box = within(dialog).getByRole('region', { name: 'Cymorth' });
    expect(box.textContent).toContain('Childline: ffoniwch 0800 1111, am ddim, unrhyw bryd');
    expect(box.textContent).toContain('anfonwch neges destun SHOUT i 85258');
    expect(dialog.textContent).toContain('Does neb wedi cael gwybod');
    expect(screen.getByRole('button', { name: 'Yn ôl at fy mhostiad' })).toBeTruthy();
  });
});

describe('"This warning is wrong"', () => {
  it('passes on only the categories, thanks the writer in words that say what is kept, and leaves the choice open', () => {
    const { dialog, onSaidWrong, onPostAnyway } = renderNudge({ findings: [bullying, { ...bullying, ruleId: 'again', start: 0, end: 8, match: 'honestly' }] });
    fireEvent.click(screen.getByRole('button', { name: 'This warning is wrong' }));
    expect(onSaidWrong).toHaveBeenCalledWith(['bullying']);
    const thanks = within(dialog).getByRole('status');
    expect(thanks.textContent).toBe('Thanks for saying. It’s counted on this device as a number, nothing more: your post isn’t kept, and nobody is told.');
    // Focus is not lost with the button that went.
    expect(document.activeElement).toBe(thanks);
    expect(screen.queryByRole('button', { name: 'This warning is wrong' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
  });

  it('is offered under every kind of nudge, but not when the post could not be checked', () => {
    renderNudge({ text: SAD_TEXT, findings: [wellbeing] });
    expect(screen.getByRole('button', { name: 'This note got it wrong' })).toBeTruthy();
    cleanup();
    renderNudge({ modes: { bullying: 'block' } });
    expect(screen.getByRole('button', { name: 'This warning is wrong' })).toBeTruthy();
    cleanup();
    renderNudge({ findings: [], unchecked: { reason: 'timed-out', choice: 'ask' } });
    expect(screen.queryByRole('button', { name: /wrong/ })).toBeNull();
  });

  it('does not let a blocked post through', () => {
    const { onPostAnyway } = renderNudge({ modes: { bullying: 'block' } });
    fireEvent.click(screen.getByRole('button', { name: 'This warning is wrong' }));
    expect(screen.queryByRole('button', { name: /Post/ })).toBeNull();
    expect(onPostAnyway).not.toHaveBeenCalled();
  });
});

describe('a pupil naming a pupil', () => {
  const NAMED = 'Tyrese Campbell was brilliant in the play';
  const named: Finding = {
    category: 'pupil-name',
    ruleId: 'names/pupil-full',
    severity: 'info',
    start: 0,
    end: 15,
    match: 'Tyrese Campbell',
    message: 'This names a pupil (Tyrese Campbell). That’s fine if it’s kind and they’re happy to be named.',
    policySections: ['objective-1'],
  };

  it('is an information note, with "They’re happy for me to post this" sending it at once', () => {
    const { dialog, onPostAnyway } = renderNudge({ text: NAMED, findings: [named], role: 'pupil' });
    expect(screen.getByRole('heading').textContent).toBe('You’ve named someone');
    expect(dialog.classList.contains('kind-naming')).toBe(true);
    expect(dialog.textContent).not.toMatch(/could hurt someone|Post anyway/);
    expect(within(dialog).getByRole('link', { name: /Objective 1/ })).toBeTruthy();
    expect(within(dialog).queryByRole('link', { name: /Objective 4/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'They’re happy for me to post this' }));
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
  });

  it('needs no other reason when the school asks why', () => {
    const { onPostAnyway } = renderNudge({ text: NAMED, findings: [named], role: 'pupil', modes: { 'pupil-name': 'reason' } });
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'They’re happy for me to post this' }));
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
  });

  it('is an ordinary warning when the name comes with an insult, or the school blocks naming, or staff wrote it', () => {
    renderNudge({ text: NAMED, findings: [named, { ...bullying, start: 16, end: 19, match: 'was' }], role: 'pupil' });
    expect(screen.getByRole('heading').textContent).toBe('A second look before you post');
    cleanup();
    renderNudge({ text: NAMED, findings: [named], role: 'pupil', modes: { 'pupil-name': 'block' } });
    expect(screen.queryByRole('button', { name: /happy for me/ })).toBeNull();
    cleanup();
    renderNudge({ text: NAMED, findings: [{ ...named, severity: 'warning' }], role: 'staff' });
    expect(screen.getByRole('heading').textContent).toBe('A second look before you post');
    expect(screen.getByRole('button', { name: 'Post anyway' })).toBeTruthy();
  });
});

describe('the help page link', () => {
  it('opens "What is Second Thought?" through the extension, not as a page link', () => {
    const onOpenHelp = vi.fn();
    const { dialog } = renderNudge({ helpUrl: 'chrome-extension://abc/help.html', onOpenHelp });
    const link = within(dialog).getByRole('link', { name: 'What is Second Thought?' });
    expect(link.getAttribute('href')).toBe('chrome-extension://abc/help.html');
    fireEvent.click(link);
    expect(onOpenHelp).toHaveBeenCalledTimes(1);
  });
});

describe('excerptAround', () => {
  it('shows a few words either side and marks where the text was cut', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    const start = text.indexOf('seven');
    const excerpt = excerptAround(text, start, start + 5, 12);
    expect(excerpt.match).toBe('seven');
    expect(excerpt.before.startsWith('…')).toBe(true);
    expect(excerpt.after.endsWith('…')).toBe(true);
    expect(`${excerpt.before}${excerpt.match}${excerpt.after}`).toMatch(/five six seven eight nine/);
  });
});
