// @vitest-environment happy-dom
// The nudge as people meet it: its role and names, where focus goes, Escape,
// the links to the policy, and support first when someone seems to be struggling.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { Nudge, type NudgeProps } from '@/components/nudge/Nudge';
import { excerptAround } from '@/components/nudge/copy';
import type { Finding } from '@/lib/types';

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

function renderNudge(props: Partial<NudgeProps> = {}) {
  const onEdit = vi.fn();
  const onPostAnyway = vi.fn();
  const onOpenPolicy = vi.fn();
  render(
    <Nudge
      text={TEXT}
      findings={[bullying]}
      policyUrl={(section) => `chrome-extension://abc/policy.html#${section}`}
      onEdit={onEdit}
      onPostAnyway={onPostAnyway}
      onOpenPolicy={onOpenPolicy}
      {...props}
    />,
  );
  return { onEdit, onPostAnyway, onOpenPolicy, dialog: screen.getByRole('alertdialog') };
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

  it('has exactly two buttons, "Edit post" and "Post anyway"', () => {
    const { dialog } = renderNudge();
    const buttons = within(dialog).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Edit post', 'Post anyway']);
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
    const last = screen.getByRole('button', { name: 'Post anyway' });
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
  it('offers support first, before anything else, and does not scold', () => {
    const { dialog } = renderNudge({ text: SAD_TEXT, findings: [wellbeing] });
    expect(screen.getByRole('heading').textContent).toBe('Are you all right?');
    const support = within(dialog).getByRole('region', { name: 'Support' });
    expect(support.textContent).toContain('Childline');
    expect(support.textContent).toContain('0800 1111');
    expect(within(support).getByRole('link', { name: '0800 1111' }).getAttribute('href')).toBe('tel:08001111');
    expect(support.textContent).toContain('Samaritans');
    expect(support.textContent).toContain('116 123');
    expect(support.textContent).toMatch(/trusted adult at school/i);
    // Support comes before the findings list in reading order.
    const findings = dialog.querySelector('.findings')!;
    expect(support.compareDocumentPosition(findings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/could hurt someone|violation|not allowed/i);
  });

  it('puts the wellbeing finding first when a post has several', () => {
    const text = `${TEXT}. ${SAD_TEXT}`;
    const later = { ...wellbeing, start: TEXT.length + 2, end: text.length };
    const { dialog } = renderNudge({ text, findings: [bullying, later] });
    const items = dialog.querySelectorAll('.findings > li');
    expect(items[0].classList.contains('finding-wellbeing')).toBe(true);
    expect(within(dialog).getByRole('region', { name: 'Support' })).toBeTruthy();
  });

  it('offers staff a helpline for people who work in education', () => {
    renderNudge({ text: SAD_TEXT, findings: [wellbeing], role: 'staff' });
    const support = screen.getByRole('region', { name: 'Support' });
    expect(support.textContent).toContain('Samaritans');
    expect(support.textContent).toContain('Education Support');
    expect(support.textContent).not.toContain('Childline');
  });

  it('shows no support box when nothing suggests it is needed', () => {
    renderNudge();
    expect(screen.queryByRole('region', { name: 'Support' })).toBeNull();
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
