import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_URL, isPrivateAddress, shareAppUrl, validAppAddress } from '../../lib/share/appUrl';

describe('isPrivateAddress: where a mentor’s phone cannot follow a link', () => {
  it.each([
    'http://127.0.0.1:4173/',
    'http://127.8.9.10/',
    'http://localhost:5173/app/',
    'http://LOCALHOST/',
    'http://tandem.localhost/',
    'http://[::1]:4173/',
    'http://10.0.0.7/',
    'https://10.255.255.255/',
    'http://172.16.0.1/',
    'http://172.31.255.254/',
    'http://192.168.1.5:4173/',
    'http://169.254.10.20/',
    'http://[fc00::1]/',
    'http://[fd12:3456:789a::1]/',
    'http://[fe80::1]/',
    'http://[febf::1]/',
    'http://my-laptop.local/',
    'http://printer.local./',
    'http://[::ffff:192.168.0.2]/',
    'http://[::]/',
    'http://0.0.0.0:4173/',
    // Numbers written other ways are the same address.
    'http://2130706433/',
    'http://0x7f.1/',
  ])('%s is private', (url) => {
    expect(isPrivateAddress(url)).toBe(true);
  });

  it.each([
    'https://tandem.example/',
    'https://example.org/tandem/index.html',
    'http://172.15.0.1/',
    'http://172.32.0.1/',
    'http://192.169.0.1/',
    'http://11.0.0.1/',
    'http://169.253.0.1/',
    'https://[2001:db8::1]/',
    'http://[fec0::1]/',
    'http://[::ffff:8.8.8.8]/',
    'https://local.example/',
    'https://localhost.example.org/',
    'https://my.localnet/',
  ])('%s is not', (url) => {
    expect(isPrivateAddress(url)).toBe(false);
  });

  it('calls nothing private that is not an address', () => {
    expect(isPrivateAddress('')).toBe(false);
    expect(isPrivateAddress('not a url')).toBe(false);
    expect(isPrivateAddress('chrome-extension://abc/dashboard.html')).toBe(false);
  });

  it('knows the build’s default address is private', () => {
    expect(isPrivateAddress(DEFAULT_APP_URL)).toBe(true);
  });
});

describe('validAppAddress: as Move to my phone accepts it', () => {
  it('takes https anywhere and http on this computer, normalised', () => {
    expect(validAppAddress(' https://tandem.example/app ')).toBe('https://tandem.example/app');
    expect(validAppAddress('http://localhost:4173')).toBe('http://localhost:4173/');
    expect(validAppAddress('http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173/');
  });
  it('refuses plain http elsewhere, other schemes and non-addresses', () => {
    expect(validAppAddress('http://tandem.example/')).toBeNull();
    expect(validAppAddress('http://192.168.1.5/')).toBeNull();
    expect(validAppAddress('ftp://tandem.example/')).toBeNull();
    expect(validAppAddress('javascript:alert(1)')).toBeNull();
    expect(validAppAddress('tandem.example')).toBeNull();
    expect(validAppAddress('')).toBeNull();
  });
});

describe('shareAppUrl: where a mentor link points', () => {
  it('a page on the web uses its own folder, whatever was saved', () => {
    expect(shareAppUrl('https://example.org/tandem/index.html#share', 'https://other.example/')).toBe('https://example.org/tandem/');
    expect(shareAppUrl('https://example.org/tandem/', undefined)).toBe('https://example.org/tandem/');
  });
  it('a page on a private address uses the saved address when there is a public one', () => {
    expect(shareAppUrl('http://127.0.0.1:4173/', 'https://tandem.example/app/index.html')).toBe('https://tandem.example/app/');
    expect(shareAppUrl('http://127.0.0.1:4173/', undefined)).toBe('http://127.0.0.1:4173/');
    expect(shareAppUrl('http://192.168.1.5:4173/', 'http://localhost:4173/')).toBe('http://192.168.1.5:4173/');
    expect(shareAppUrl('http://127.0.0.1:4173/', 'not an address')).toBe('http://127.0.0.1:4173/');
  });
  it('the extension uses the saved address, else the build setting', () => {
    expect(shareAppUrl('chrome-extension://abc/dashboard.html', 'https://tandem.example/app')).toBe('https://tandem.example/app/');
    expect(shareAppUrl('chrome-extension://abc/dashboard.html', undefined)).toBe(DEFAULT_APP_URL);
    expect(shareAppUrl('moz-extension://abc/dashboard.html', 'http://tandem.example/')).toBe(DEFAULT_APP_URL);
  });
});
