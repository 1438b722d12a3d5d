// @vitest-environment happy-dom
// What a school's settings change in the nudge: a category the school blocks
// (no "Post anyway"), one that asks for a reason first, where to report
// bullying, and the school's own support contacts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { Nudge, effectiveMode, type NudgeProps } from '@/components/nudge/Nudge';
import type { Category, Finding } from '@/lib/types';
import { InLanguage } from '../support/i18n';

const TEXT = 'Tamsin Okoro is a loser and I will batter her';

function finding(category: Category, match: string, overrides: Partial<Finding> = {}): Finding {
  const start = TEXT.indexOf(match);
  return {
    category,
    ruleId: `test-${category}`,
    severity: 'warning',
    start,
    end: start + match.length,
    match,
    message: `A ${category} finding.`,
    policySections: ['objective-1'],
    ...overrides,
  };
}

const pupilName = finding('pupil-name', 'Tamsin Okoro', {
  message: 'This names a pupil (Tamsin Okoro). Posts that identify pupils can put them at risk.',
});
const bullying = finding('bullying', 'is a loser', { severity: 'serious', policySections: ['objective-6'] });
const threat = finding('threat', 'I will batter her', { severity: 'serious' });
const wellbeing: Finding = {
  category: 'wellbeing',
  ruleId: 'test-wellbeing',
  severity: 'warning',
  start: 0,
  end: 6,
  match: 'Tamsin',
  message: 'It sounds like you might be having a really hard time.',
  policySections: [],
};

function renderNudge(props: Partial<NudgeProps> = {}) {
  const onEdit = vi.fn();
  const onPostAnyway = vi.fn();
  render(
    <InLanguage>
      <Nudge
        text={TEXT}
        findings={[pupilName]}
        policyUrl={(section) => `chrome-extension://abc/policy.html#${section}`}
        onEdit={onEdit}
        onPostAnyway={onPostAnyway}
        {...props}
      />
    </InLanguage>,
  );
  return { onEdit, onPostAnyway, dialog: screen.getByRole('alertdialog') };
}

const postAnyway = () => screen.queryByRole('button', { name: 'Post anyway' }) as HTMLButtonElement | null;

afterEach(cleanup);

describe('the strictest mode among the findings wins', () => {
  it('is "nudge" when nothing is set, and block beats reason beats nudge', () => {
    expect(effectiveMode([pupilName, bullying], undefined)).toBe('nudge');
    expect(effectiveMode([pupilName, bullying], { 'pupil-name': 'reason' })).toBe('reason');
    expect(effectiveMode([pupilName, bullying], { 'pupil-name': 'reason', bullying: 'block' })).toBe('block');
    expect(effectiveMode([pupilName], { bullying: 'block' })).toBe('nudge');
  });

  it('never lets a wellbeing note hold a post back or ask for a reason', () => {
    expect(effectiveMode([wellbeing], { wellbeing: 'block' })).toBe('nudge');
    expect(effectiveMode([wellbeing, pupilName], { wellbeing: 'reason', 'pupil-name': 'nudge' })).toBe('nudge');
    expect(effectiveMode([wellbeing, bullying], { wellbeing: 'block', bullying: 'reason' })).toBe('reason');
  });
});

describe('when the school blocks posts like this', () => {
  it('offers only "Edit post" (and to say the warning is wrong), focused, and kindly says why', () => {
    const { dialog, onEdit } = renderNudge({ findings: [pupilName, bullying], modes: { bullying: 'block', 'pupil-name': 'reason' } });
    expect(within(dialog).getAllByRole('button').map((button) => button.textContent)).toEqual(['Edit post', 'This warning is wrong']);
    expect(postAnyway()).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit post' }));
    expect(dialog.textContent).toMatch(/school has asked that posts like this aren’t sent/);
    expect(dialog.textContent).toMatch(/You can still edit it/);
    // No reason to give when the post cannot go anyway.
    expect(within(dialog).queryByRole('radio')).toBeNull();
    // The explanation is part of the dialog's description, so it is read out on opening.
    const described = dialog.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described.join(' ')).toMatch(/aren’t sent/);
    // It comes before the findings, so a short window shows it without scrolling.
    const note = dialog.querySelector('.blocked')!;
    expect(note.compareDocumentPosition(dialog.querySelector('.findings')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onEdit).toHaveBeenCalledTimes(1);
  });

  it('does not block because of a category the school only nudges about', () => {
    renderNudge({ findings: [pupilName], modes: { bullying: 'block' } });
    expect(postAnyway()).not.toBeNull();
    expect(postAnyway()!.disabled).toBe(false);
  });
});

describe('when the school asks for a reason first', () => {
  it('keeps "Post anyway" disabled until a reason is chosen, then posts', () => {
    const { dialog, onPostAnyway } = renderNudge({ modes: { 'pupil-name': 'reason' } });
    const button = postAnyway()!;
    expect(button.disabled).toBe(true);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toMatch(/Choose a reason/);
    fireEvent.click(button);
    expect(onPostAnyway).not.toHaveBeenCalled();

    const group = within(dialog).getByRole('group', { name: /why are you posting it/ });
    expect(group.textContent).toMatch(/isn’t saved or sent to anyone/);
    fireEvent.click(within(group).getByRole('radio', { name: /quoting or reporting/ }));
    expect(postAnyway()!.disabled).toBe(false);
    fireEvent.click(postAnyway()!);
    // The reason goes nowhere: the callback gets nothing.
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
    expect(onPostAnyway).toHaveBeenCalledWith();
  });

  it('asks for a few words when the reason is "Something else"', async () => {
    renderNudge({ modes: { 'pupil-name': 'reason' } });
    expect(screen.queryByRole('textbox', { name: 'Your reason' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Something else' }));
    const field = screen.getByRole('textbox', { name: 'Your reason' });
    await vi.waitFor(() => expect(document.activeElement).toBe(field));
    expect(postAnyway()!.disabled).toBe(true);
    fireEvent.input(field, { target: { value: '   ' } });
    expect(postAnyway()!.disabled).toBe(true);
    fireEvent.input(field, { target: { value: 'She asked me to share it' } });
    expect(postAnyway()!.disabled).toBe(false);
  });

  it('still moves focus to "Edit post" and Escape still means edit', () => {
    const { dialog, onEdit } = renderNudge({ modes: { 'pupil-name': 'reason' } });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit post' }));
    fireEvent.keyDown(within(dialog).getAllByRole('radio')[0], { key: 'Escape' });
    expect(onEdit).toHaveBeenCalledTimes(1);
  });

  it('takes "This warning is wrong" as the reason, and no longer offers it as one of the choices that are never kept', () => {
    const { dialog, onPostAnyway } = renderNudge({ modes: { 'pupil-name': 'reason' } });
    expect(within(dialog).queryByRole('radio', { name: /got this wrong/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'This warning is wrong' }));
    expect(within(dialog).queryByRole('group')).toBeNull();
    expect(postAnyway()!.disabled).toBe(false);
    fireEvent.click(postAnyway()!);
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
  });

  it('is as before when the mode is "nudge"', () => {
    renderNudge({ modes: { 'pupil-name': 'nudge' } });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(postAnyway()!.disabled).toBe(false);
  });
});

describe('reporting bullying (policy strategy 4)', () => {
  const reportUrl = 'https://hollinspark.example/report';
  const reportEmail = 'safeguarding@hollinspark.example';

  for (const [name, found] of [
    ['bullying', bullying],
    ['a threat', threat],
    ['hate', finding('hate', 'loser', { category: 'hate' })],
  ] as const) {
    it(`links to where to report it for ${name}`, () => {
      const { dialog } = renderNudge({ findings: [found], reportUrl, reportEmail });
      const report = dialog.querySelector('.report')!;
      expect(report.textContent).toMatch(/^If someone is being bullied, you can report it/);
      expect(within(dialog).getByRole('link', { name: 'Report bullying to the school' }).getAttribute('href')).toBe(reportUrl);
      expect(within(dialog).getByRole('link', { name: `Email ${reportEmail}` }).getAttribute('href')).toBe(`mailto:${reportEmail}`);
    });
  }

  it('says nothing about reporting for other findings', () => {
    const { dialog } = renderNudge({ findings: [pupilName, wellbeing], reportUrl, reportEmail });
    expect(dialog.textContent).not.toMatch(/report it/);
    expect(within(dialog).queryByRole('link', { name: /Report bullying|Email/ })).toBeNull();
  });

  it('points to a trusted adult when the school gave no link', () => {
    const { dialog } = renderNudge({ findings: [bullying] });
    expect(dialog.querySelector('.report')?.textContent).toMatch(/report it to a teacher, your tutor or another trusted adult/);
  });

  it('does not link to an address that is not a web page', () => {
    const { dialog } = renderNudge({ findings: [bullying], reportUrl: 'javascript:alert(1)' });
    expect(within(dialog).queryByRole('link', { name: 'Report bullying to the school' })).toBeNull();
  });
});

describe('the school’s own support contacts', () => {
  const contacts = [
    { name: 'Kooth', url: 'https://www.kooth.com/', text: 'free online counselling' },
    { name: 'Mrs Adeyemi, pastoral lead', phone: '01632 960 123', text: 'school days 8am to 5pm' },
  ];

  it('come first, before the national helplines, for wellbeing findings', () => {
    const { dialog } = renderNudge({ findings: [wellbeing], supportContacts: contacts });
    const support = within(dialog).getByRole('region', { name: 'Support' });
    expect([...support.querySelectorAll('li strong')].map((name) => name.textContent)).toEqual(['Kooth', 'Mrs Adeyemi, pastoral lead', 'Childline', 'Shout', 'A trusted adult']);
    expect(within(support).getByRole('link', { name: 'Kooth' }).getAttribute('href')).toBe('https://www.kooth.com/');
    expect(within(support).getByRole('link', { name: '01632 960 123' }).getAttribute('href')).toBe('tel:01632960123');
    expect(support.textContent).toContain('Mrs Adeyemi, pastoral lead: 01632 960 123, school days 8am to 5pm');
  });

  it('fall back to the built-in list when the school gave none', () => {
    renderNudge({ findings: [wellbeing], supportContacts: [] });
    expect(screen.getByRole('region', { name: 'Support' }).textContent).toContain('Childline: call 0800 1111, free, any time');
  });

  it('are not shown without a wellbeing finding', () => {
    renderNudge({ findings: [bullying], supportContacts: contacts });
    expect(screen.queryByRole('region', { name: 'Support' })).toBeNull();
  });
});

describe('a post that could not be checked', () => {
  it('says so calmly, shows no findings, and offers "Post anyway" when the school leaves the choice to the writer', () => {
    const { onEdit, onPostAnyway } = renderNudge({ findings: [], unchecked: { reason: 'timed-out', choice: 'ask' } });
    const dialog = screen.getByRole('alertdialog', { name: 'This post could not be checked' });
    expect(dialog.textContent).toMatch(/couldn’t finish checking this post in time/);
    expect(dialog.textContent).toMatch(/You can post it as it is, or edit it first/);
    expect(within(dialog).queryByRole('list')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Post anyway' }));
    expect(onPostAnyway).toHaveBeenCalledTimes(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Edit post' }));
    expect(onEdit).toHaveBeenCalledTimes(1);
  });

  it('offers only "Edit post" when the school holds unchecked posts back, and says why', () => {
    renderNudge({ findings: [], unchecked: { reason: 'failed', choice: 'hold' } });
    const dialog = screen.getByRole('alertdialog', { name: 'This post could not be checked' });
    expect(dialog.textContent).toMatch(/Your school has asked that posts aren’t sent unless they’ve been checked/);
    expect(within(dialog).queryByRole('button', { name: 'Post anyway' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Edit post' })).toBeTruthy();
    // Not the wording for a post that breaks the policy.
    expect(dialog.textContent).not.toMatch(/posts like this aren’t sent/);
  });

  it('asks for a moment’s pause when a tab sends more checks than a person could', () => {
    renderNudge({ findings: [], unchecked: { reason: 'too-many-checks', choice: 'hold' } });
    const dialog = screen.getByRole('alertdialog', { name: 'Slow down a moment' });
    expect(dialog.textContent).toMatch(/Wait a moment, then send it again/);
    expect(within(dialog).queryByRole('button', { name: 'Post anyway' })).toBeNull();
  });
});
