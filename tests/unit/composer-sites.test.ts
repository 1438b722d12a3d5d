// @vitest-environment happy-dom
// Which adapter a page gets, and the generic detector's idea of a send.
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterForPage, BUILT_IN_MATCHES, BUILT_IN_SITES, generic } from '@/utils/sites';

beforeEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('adapterForPage', () => {
  it.each([
    ['x.com', 'x'],
    ['mobile.twitter.com', 'x'],
    ['www.facebook.com', 'facebook'],
    ['www.threads.net', 'threads'],
    ['www.threads.com', 'threads'],
    ['old.reddit.com', 'reddit'],
    ['web.whatsapp.com', 'whatsapp'],
    ['bsky.app', 'bluesky'],
    ['mastodon.social', 'mastodon'],
    ['discord.com', 'discord'],
  ])('%s → %s', (host, id) => {
    expect(adapterForPage(host, document).id).toBe(id);
  });

  it('recognises Mastodon on any instance from its page', () => {
    document.body.innerHTML = '<div id="mastodon"></div>';
    expect(adapterForPage('toot.school-example.org', document).id).toBe('mastodon');
  });

  it('uses the generic detector elsewhere, and not for look-alike hosts', () => {
    expect(adapterForPage('forum.school-example.org', document).id).toBe('generic');
    expect(adapterForPage('notx.com', document).id).toBe('generic');
  });

  it('has one adapter per built-in site, each with a match pattern', () => {
    expect(BUILT_IN_SITES.map((site) => site.id)).toEqual([
      'x', 'facebook', 'instagram', 'threads', 'linkedin', 'reddit', 'tiktok', 'youtube', 'bluesky', 'mastodon', 'whatsapp', 'discord',
    ]);
    expect(BUILT_IN_MATCHES).toContain('*://*.x.com/*');
    expect(BUILT_IN_MATCHES.every((pattern) => /^\*:\/\/\*\.[a-z.]+\/\*$/.test(pattern))).toBe(true);
  });
});

describe('the generic detector', () => {
  function element(html: string): HTMLElement {
    document.body.innerHTML = html;
    return document.body.querySelector('[data-test]') as HTMLElement;
  }

  it('sends on Enter only where Enter cannot be a new line', () => {
    expect(generic.sendKeys(element('<input data-test type="text">'))).toContain('enter');
    expect(generic.sendKeys(element('<div data-test contenteditable="true" role="textbox"></div>'))).toContain('enter');
    expect(generic.sendKeys(element('<div data-test contenteditable="true" role="textbox" aria-multiline="false"></div>'))).toContain('enter');
    expect(generic.sendKeys(element('<div data-test contenteditable="true" role="textbox" aria-multiline="true"></div>'))).toEqual(['mod-enter']);
    expect(generic.sendKeys(element('<textarea data-test></textarea>'))).toEqual(['mod-enter']);
  });

  it('knows a send control by its form or its name', () => {
    const isSend = (html: string) => generic.isSendControl!(element(html));
    expect(isSend('<form><textarea></textarea><button data-test>Go</button></form>')).toBe(true);
    expect(isSend('<div data-test role="button">Post</div>')).toBe(true);
    expect(isSend('<button data-test aria-label="Send message">➤</button>')).toBe(true);
    expect(isSend('<button data-test>Like</button>')).toBe(false);
    expect(isSend('<form><input type="checkbox"><button data-test>Go</button></form>')).toBe(false);
  });

  it('leaves search boxes and sign-in forms alone', () => {
    const isEditor = (html: string) => generic.isEditor!(element(html));
    expect(isEditor('<form role="search"><input data-test type="text"></form>')).toBe(false);
    expect(isEditor('<form><input data-test name="q"></form>')).toBe(false);
    expect(isEditor('<form><input data-test name="who"><input type="password"></form>')).toBe(false);
    expect(isEditor('<input data-test type="text" autocomplete="username">')).toBe(false);
    expect(isEditor('<form><input data-test type="text" name="message"></form>')).toBe(true);
    expect(isEditor('<textarea data-test name="username-notes"></textarea>')).toBe(true);
  });
});
