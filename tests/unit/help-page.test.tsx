// @vitest-environment happy-dom
// The pupils' help page: what Second Thought is, what it does not do, and who
// to talk to (the school's contacts first, then the lines for the role).
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HelpPage } from '@/components/help/HelpPage';
import { CY, EN, InLanguage } from '../support/i18n';

const port = (managed: Record<string, unknown> = {}) => ({ read: async () => ({ managed, local: {} }), watch: () => () => {} });

async function renderHelp(managed: Record<string, unknown> = {}, t = EN) {
  render(
    <InLanguage t={t}>
      <HelpPage port={port(managed)} builtInPolicyUrl="chrome-extension://id/policy.html" />
    </InLanguage>,
  );
  return screen.findByRole('heading', { level: 1 });
}

afterEach(cleanup);

describe('the help page', () => {
  it('says what it is, and that it does not read messages, tell anyone or keep posts', async () => {
    expect((await renderHelp()).textContent).toBe('What is Second Thought?');
    const doesNot = screen.getByRole('region', { name: 'What it does not do' });
    expect(doesNot.textContent).toMatch(/does not read your messages/);
    expect(doesNot.textContent).toMatch(/does not tell anyone/);
    expect(doesNot.textContent).toMatch(/does not keep your posts/);
    expect(screen.getByRole('link', { name: 'Read your school’s social media policy' }).getAttribute('href')).toBe('chrome-extension://id/policy.html');
  });

  it('names the school’s own contacts first, then Childline and Shout for a pupil', async () => {
    await renderHelp({ supportContacts: ['Mrs Khan, Designated Safeguarding Lead, room B12'] });
    const talk = screen.getByRole('region', { name: 'Who to talk to' });
    expect([...talk.querySelectorAll('li strong')].map((name) => name.textContent)).toEqual(['Mrs Khan', 'Childline', 'Shout', 'A trusted adult']);
    expect(within(talk).getByRole('link', { name: '0800 1111' }).getAttribute('href')).toBe('tel:08001111');
  });

  it('names Samaritans and Education Support for staff', async () => {
    await renderHelp({ role: 'staff' });
    const talk = screen.getByRole('region', { name: 'Who to talk to' });
    expect(talk.textContent).toMatch(/Samaritans.*Education Support/);
    expect(talk.textContent).not.toMatch(/Childline|Shout/);
  });

  it('reads in Welsh', async () => {
    expect((await renderHelp({}, CY)).textContent).toBe('Beth yw Second Thought?');
    expect(screen.getByRole('region', { name: 'Beth nad yw’n ei wneud' }).textContent).toMatch(/Dydy e ddim yn dweud wrth neb/);
  });
});
